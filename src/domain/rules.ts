/** The statute: "the group has no fewer than five members". */
export const MIN_MEMBERS = 5;

/** A name as it should appear in documents. */
export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 100;

export const MUNICIPALITY_MAX_LENGTH = 100;

/** The time zone of every municipality the bot serves. */
export const TIME_ZONE = "Asia/Bishkek";
