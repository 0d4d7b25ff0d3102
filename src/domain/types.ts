import type { LocalizedName } from "../i18n/localized-name.js";
import type { Locale } from "./locale.js";

declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Telegram user id. */
export type UserId = Brand<number, "UserId">;
/** Telegram chat id. */
export type ChatId = Brand<number, "ChatId">;
/** Our id of a monitoring group. */
export type GroupId = Brand<number, "GroupId">;
/** Our id of one membership (a person in one group, for one stretch of time). */
export type MemberId = Brand<number, "MemberId">;
export type RequestId = Brand<number, "RequestId">;
export type MeetingId = Brand<number, "MeetingId">;
export type ProtocolId = Brand<number, "ProtocolId">;
/** One round of voting on a protocol. */
export type VoteId = Brand<number, "VoteId">;

export const userId = (id: number) => id as UserId;
export const chatId = (id: number) => id as ChatId;
export const groupId = (id: number) => id as GroupId;
export const memberId = (id: number) => id as MemberId;
export const requestId = (id: number) => id as RequestId;
export const meetingId = (id: number) => id as MeetingId;
export const protocolId = (id: number) => id as ProtocolId;
export const voteId = (id: number) => id as VoteId;

/** The statute's member categories, in the order it lists them. */
export const CATEGORIES = ["specialist", "deputy", "invited", "ngo", "entrepreneur", "resident"] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (value: unknown): value is Category =>
  typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);

/** The two offices that appoint the leader: the ayil okmotu head and the council chair. */
export const OFFICES = ["head", "chair"] as const;
export type Office = (typeof OFFICES)[number];
export const isOffice = (value: unknown): value is Office => typeof value === "string" && (OFFICES as readonly string[]).includes(value);

export interface Group {
  id: GroupId;
  chatId: ChatId;
  /** The official name in each language; in a message, the form of its language. */
  municipality: LocalizedName;
  /** District and region, as documents write them, when given. */
  area: LocalizedName | null;
  locale: Locale;
  termEndsOn: string | null;
  endedAt: Date | null;
}

export interface Member {
  id: MemberId;
  groupId: GroupId;
  userId: UserId;
  fullName: string;
  category: Category;
  joinedAt: Date;
  leftAt: Date | null;
  isLeader: boolean;
  unreachable: boolean;
}

export interface Appointer {
  userId: UserId;
  office: Office;
  name: string;
}

export type ServiceId = Brand<number, "ServiceId">;
export type ObservationId = Brand<number, "ObservationId">;
export const serviceId = (id: number) => id as ServiceId;
export const observationId = (id: number) => id as ObservationId;

/** The statute's "compliance with adopted standards", as a member can judge it on the spot. */
export const COMPLIANCE = ["yes", "partly", "no", "unknown"] as const;
export type Compliance = (typeof COMPLIANCE)[number];
export const isCompliance = (value: unknown): value is Compliance =>
  typeof value === "string" && (COMPLIANCE as readonly string[]).includes(value);

/** Scores of quality of delivery and of resources, 1 (very bad) to 5 (very good). */
export const SCORES = ["1", "2", "3", "4", "5"] as const;

export interface Service {
  id: ServiceId;
  groupId: GroupId;
  /** Set for the seeded services, whose names come from the locales until renamed. */
  key: string | null;
  nameKy: string | null;
  nameRu: string | null;
  retired: boolean;
}
