/** The statute: "the group has no fewer than five members". */
export const MIN_MEMBERS = 5;

/** A name as it should appear in documents. */
export const NAME_MIN_LENGTH = 3;
export const NAME_MAX_LENGTH = 100;

export const MUNICIPALITY_MAX_LENGTH = 100;

/** The time zone of every municipality the bot serves. */
export const TIME_ZONE = "Asia/Bishkek";

/** A protocol vote stays open this long unless the leader chooses otherwise. */
export const DEFAULT_VOTE_HOURS = 72;
export const VOTE_HOURS_CHOICES = [24, 72, 168] as const;

/** Bounds that keep forms short and messages within Telegram's size. */
export const MAX_AGENDA_ITEMS = 10;
export const MAX_RECOMMENDATIONS = 10;
export const PLACE_MAX_LENGTH = 200;
export const AGENDA_ITEM_MAX_LENGTH = 300;
export const PROTOCOL_TEXT_MAX_LENGTH = 1500;
export const COMMENT_MAX_LENGTH = 1000;

/** "More than half": of the members for a quorum, of the votes cast for a decision. */
export function moreThanHalf(part: number, whole: number): boolean {
  return whole > 0 && part * 2 > whole;
}

/** Observations: the finding's limit, photos per observation, and how far back a date may go. */
export const FINDING_MAX_LENGTH = 2000;
export const MAX_PHOTOS = 5;
export const OBSERVATION_MAX_AGE_YEARS = 1;
export const SERVICE_NAME_MIN_LENGTH = 2;
export const SERVICE_NAME_MAX_LENGTH = 60;
