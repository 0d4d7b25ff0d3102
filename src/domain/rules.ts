/** The statute: "the group has no fewer than five members". */
export const MIN_MEMBERS = 5;

/** A name as it should appear in documents. */
export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 100;

export const MUNICIPALITY_MAX_LENGTH = 100;

/** The time zone of every municipality the bot serves. */
export const TIME_ZONE = "Asia/Bishkek";

/** Observations: the finding's limit, photos per observation, and how far back a date may go. */
export const FINDING_MAX_LENGTH = 2000;
export const PLACE_MAX_LENGTH = 200;
export const MAX_PHOTOS = 5;
export const OBSERVATION_MAX_AGE_YEARS = 1;
export const SERVICE_NAME_MIN_LENGTH = 2;
export const SERVICE_NAME_MAX_LENGTH = 60;
