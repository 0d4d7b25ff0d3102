import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Instants are stored as UTC milliseconds; calendar dates (Asia/Bishkek) as "YYYY-MM-DD". */
const instant = (name: string) => integer(name, { mode: "timestamp_ms" });

/** Everyone the bot has met, keyed by Telegram user id. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey(),
  firstName: text("first_name").notNull(),
  lastName: text("last_name"),
  username: text("username"),
  telegramLanguage: text("telegram_language"),
  /** Set by /language; wins over Telegram's language in private chat. */
  chosenLocale: text("chosen_locale", { enum: ["ky", "ru"] }),
  /** Set when Telegram answers 403 (the user blocked the bot or never started it). */
  unreachableAt: instant("unreachable_at"),
});

/** One monitoring group per municipality, bound to its Telegram group chat. */
export const groups = sqliteTable("groups", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  chatId: integer("chat_id").notNull().unique(),
  /** The municipality's official name in Kyrgyz (a group registered before names were asked in both languages: its one name). */
  municipality: text("municipality").notNull(),
  /** The official name in Russian; backfilled with the one name for groups registered before. */
  municipalityRu: text("municipality_ru").notNull().default(""),
  /** District and region, as written in documents, in each language (optional). */
  areaKy: text("area_ky"),
  areaRu: text("area_ru"),
  locale: text("locale", { enum: ["ky", "ru"] }).notNull(),
  termEndsOn: text("term_ends_on"),
  endedAt: instant("ended_at"),
  createdBy: integer("created_by")
    .notNull()
    .references(() => users.id),
  createdAt: instant("created_at").notNull(),
});

/** The ayil okmotu head and the council chair of the group's municipality. */
export const appointers = sqliteTable(
  "appointers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    office: text("office", { enum: ["head", "chair"] }).notNull(),
    addedBy: integer("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: instant("added_at").notNull(),
    removedAt: instant("removed_at"),
  },
  (t) => [
    uniqueIndex("appointers_one_per_office").on(t.groupId, t.office).where(sql`removed_at is null`),
    uniqueIndex("appointers_one_office_per_user").on(t.groupId, t.userId).where(sql`removed_at is null`),
    index("appointers_by_user").on(t.userId),
  ],
);

/** A person's request to join; kept after the decision as the record of it. */
export const membershipRequests = sqliteTable(
  "membership_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    fullName: text("full_name").notNull(),
    category: text("category").notNull(),
    consentedAt: instant("consented_at").notNull(),
    status: text("status", { enum: ["pending", "approved", "refused"] }).notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("membership_requests_one_pending").on(t.groupId, t.userId).where(sql`status = 'pending'`),
    index("membership_requests_by_status").on(t.groupId, t.status, t.createdAt),
  ],
);

/** Memberships; a departure sets left_at and the row stays, so history is never lost. */
export const members = sqliteTable(
  "members",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    fullName: text("full_name").notNull(),
    category: text("category").notNull(),
    requestId: integer("request_id").references(() => membershipRequests.id),
    joinedAt: instant("joined_at").notNull(),
    leftAt: instant("left_at"),
  },
  (t) => [
    uniqueIndex("members_one_active").on(t.groupId, t.userId).where(sql`left_at is null`),
    index("members_by_user").on(t.userId),
    index("members_by_request").on(t.requestId),
  ],
);

/** Who led the group when; the open row is the current leader. */
export const leaderAppointments = sqliteTable(
  "leader_appointments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    appointedBy: integer("appointed_by")
      .notNull()
      .references(() => users.id),
    appointedAt: instant("appointed_at").notNull(),
    endedAt: instant("ended_at"),
  },
  (t) => [
    uniqueIndex("leader_one_current").on(t.groupId).where(sql`ended_at is null`),
    index("leader_appointments_by_member").on(t.memberId),
  ],
);

/**
 * The update inbox: every update Telegram delivers is stored here before it is confirmed (or,
 * handed in by a webhook, before its first change or Bot API call), and marked done with the
 * updates finishing beside it, its form's state in the same transaction. What is not done at a start is
 * handled first; a done update delivered again is skipped. Done rows are pruned to a constant
 * number; ids below `inbox_floor` were handled and pruned.
 */
export const inbox = sqliteTable(
  "inbox",
  {
    updateId: integer("update_id").primaryKey(),
    update: text("update").notNull(),
    receivedAt: instant("received_at").notNull(),
    /** How many times handling began; an update that keeps failing is given up after a few. */
    attempts: integer("attempts").notNull().default(0),
    doneAt: instant("done_at"),
  },
  (t) => [index("inbox_pending").on(t.updateId).where(sql`done_at is null`)],
);

/** What each committed change of an update returned, so a second handling applies it no more. */
export const inboxEffects = sqliteTable(
  "inbox_effects",
  {
    updateId: integer("update_id").notNull(),
    seq: integer("seq").notNull(),
    result: text("result").notNull(),
  },
  (t) => [primaryKey({ columns: [t.updateId, t.seq] })],
);

/** One row: every update id below `below` was handled (its inbox row pruned). */
export const inboxFloor = sqliteTable("inbox_floor", {
  id: integer("id").primaryKey(),
  below: integer("below").notNull(),
});

/**
 * What the bot sends on its own (notices to many chats, documents), sent in order at a pace
 * Telegram accepts. A row left "sending" by a crash is sent again at the next start, at most
 * three times in all, then "dropped" with a log line.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Enqueuing the same key twice sends once. */
    key: text("key").unique(),
    chatId: integer("chat_id").notNull(),
    method: text("method", { enum: ["sendMessage", "sendDocument"] }).notNull(),
    /** The Bot API parameters, as JSON (without the file). */
    payload: text("payload").notNull(),
    file: blob("file", { mode: "buffer" }),
    state: text("state", { enum: ["pending", "sending", "sent", "failed", "dropped"] }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    notBefore: instant("not_before").notNull(),
    createdAt: instant("created_at").notNull(),
    sentAt: instant("sent_at"),
  },
  (t) => [index("outbox_waiting").on(t.id).where(sql`state in ('pending', 'sending')`)],
);

/** State of open conversations (forms), keyed by chat and user. */
export const conversationStates = sqliteTable("conversation_states", {
  key: text("key").primaryKey(),
  state: text("state").notNull(),
  updatedAt: instant("updated_at").notNull(),
});

/**
 * A long form in progress (an observation, a protocol): whose, which form, the step it waits at
 * and the answers so far. A person has at most one open draft; a closed one stays a while so
 * that an old button or a repeated update finds out what became of it.
 */
export const drafts = sqliteTable(
  "drafts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: ["observation", "protocol"] }).notNull(),
    /** The step it waits at; once closed, the key of the message that closed it. */
    step: text("step").notNull(),
    answers: text("answers").notNull(),
    /** Open drafts take typed answers; a parked one waits behind another form; closed ones are over. */
    status: text("status", { enum: ["open", "parked", "closed"] }).notNull(),
    /** The update last applied, so the same update handled twice changes nothing. */
    lastUpdate: integer("last_update").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("drafts_one_per_user").on(t.userId).where(sql`status != 'closed'`),
    index("drafts_by_user").on(t.userId, t.lastUpdate),
    index("drafts_by_time").on(t.updatedAt),
  ],
);

/** A meeting of the group; a cancelled one keeps its row with cancelled_at set. */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    startsAt: instant("starts_at").notNull(),
    place: text("place").notNull(),
    /** The announcement in the group chat, whose RSVP tally is kept up to date. */
    announcementId: integer("announcement_id"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    cancelledAt: instant("cancelled_at"),
    attendanceRecordedAt: instant("attendance_recorded_at"),
  },
  (t) => [index("meetings_by_group").on(t.groupId, t.startsAt), index("meetings_by_start").on(t.startsAt)],
);

export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
  },
  (t) => [uniqueIndex("agenda_items_position").on(t.meetingId, t.position)],
);

/** "I will come" / "I can't come": one answer per member, changeable. */
export const rsvps = sqliteTable(
  "rsvps",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    answer: text("answer", { enum: ["yes", "no"] }).notNull(),
    answeredAt: instant("answered_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** Who came, as the leader ticked them. */
export const attendance = sqliteTable(
  "attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

/** The protocol of one meeting, numbered per group and year (3/2026). */
export const protocols = sqliteTable(
  "protocols",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    meetingId: integer("meeting_id")
      .notNull()
      .unique()
      .references(() => meetings.id),
    year: integer("year").notNull(),
    number: integer("number").notNull(),
    heldOn: text("held_on").notNull(),
    place: text("place").notNull(),
    status: text("status", { enum: ["draft", "voting", "signing", "final"] }).notNull(),
    /** Set when the protocol is adopted: the frozen text and its SHA-256 (hex). */
    canonicalText: text("canonical_text"),
    hash: text("hash"),
    frozenAt: instant("frozen_at"),
    /** The message in the group chat with the Sign button and the list of signatures. */
    signingMessageId: integer("signing_message_id"),
    finalAt: instant("final_at"),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("protocols_number").on(t.groupId, t.year, t.number), index("protocols_by_status").on(t.status, t.frozenAt)],
);

/** For each agenda item: what was discussed and what was decided. */
export const protocolItems = sqliteTable(
  "protocol_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    discussed: text("discussed").notNull(),
    decided: text("decided"),
  },
  (t) => [uniqueIndex("protocol_items_position").on(t.protocolId, t.position)],
);

export const recommendations = sqliteTable(
  "recommendations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    addressee: text("addressee", { enum: ["head", "chair", "other"] }).notNull(),
    /** Who, when the addressee is "other". */
    addresseeName: text("addressee_name"),
    dueOn: text("due_on").notNull(),
    /** Tracked once the protocol is final: sent → accepted | rejected; accepted → in-progress → done. */
    status: text("status", { enum: ["sent", "accepted", "rejected", "in-progress", "done"] })
      .notNull()
      .default("sent"),
  },
  (t) => [
    uniqueIndex("recommendations_position").on(t.protocolId, t.position),
    index("recommendations_open_by_due").on(t.dueOn).where(sql`status in ('sent', 'accepted', 'in-progress')`),
  ],
);

/** Every change of a recommendation's status: who, when, and the addressee's answer. */
export const recommendationEvents = sqliteTable(
  "recommendation_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recommendationId: integer("recommendation_id")
      .notNull()
      .references(() => recommendations.id),
    fromStatus: text("from_status").notNull(),
    toStatus: text("to_status").notNull(),
    note: text("note"),
    by: integer("by")
      .notNull()
      .references(() => users.id),
    at: instant("at").notNull(),
  },
  (t) => [index("recommendation_events_by_recommendation").on(t.recommendationId)],
);

/** Members' wishes, doubts and conclusions on a draft (the statute's right). */
export const protocolComments = sqliteTable(
  "protocol_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    text: text("text").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [index("protocol_comments_by_protocol").on(t.protocolId)],
);

/** One round of voting on a protocol; a rejected protocol may get another round later. */
export const votes = sqliteTable(
  "votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    openedBy: integer("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: instant("opened_at").notNull(),
    deadline: instant("deadline").notNull(),
    /** The message in the group chat that carries the buttons and the tally. */
    messageId: integer("message_id"),
    closedAt: instant("closed_at"),
    outcome: text("outcome", { enum: ["adopted", "rejected", "no-quorum"] }),
  },
  (t) => [
    uniqueIndex("votes_one_open").on(t.protocolId).where(sql`closed_at is null`),
    index("votes_open_by_deadline").on(t.deadline).where(sql`closed_at is null`),
  ],
);

/** The members who may vote in a round: the active members when it opened. */
export const voters = sqliteTable(
  "voters",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => votes.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.memberId] })],
);

/** One ballot per voter per round; a change overwrites it. */
export const ballots = sqliteTable(
  "ballots",
  {
    voteId: integer("vote_id")
      .notNull()
      .references(() => votes.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    choice: text("choice", { enum: ["for", "against", "abstain"] }).notNull(),
    castAt: instant("cast_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.memberId] })],
);

/**
 * The required signers of a frozen protocol (the leader and the attendees), one row each,
 * written at freezing; signing fills signed_at and the hash of the text that was signed.
 */
export const signatures = sqliteTable(
  "signatures",
  {
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    role: text("role", { enum: ["leader", "attendee"] }).notNull(),
    signedAt: instant("signed_at"),
    hash: text("hash"),
    dissent: text("dissent"),
  },
  (t) => [primaryKey({ columns: [t.protocolId, t.memberId] })],
);

/**
 * Every reminder the scheduler sent or is sending, under its unique key (what, for whom, which
 * quarter, meeting or protocol). The row is written before the message goes out, so neither a
 * restart nor two ticks at once can send it twice.
 */
export const sentReminders = sqliteTable(
  "sent_reminders",
  {
    key: text("key").primaryKey(),
    kind: text("kind").notNull(),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    chatId: integer("chat_id").notNull(),
    claimedAt: instant("claimed_at").notNull(),
    outcome: text("outcome", { enum: ["sending", "sent", "unreachable", "failed"] }).notNull(),
  },
  (t) => [
    index("sent_reminders_by_group").on(t.groupId, t.kind),
    // Claims cut short by a crash are looked for on every tick.
    index("sent_reminders_sending").on(t.claimedAt).where(sql`outcome = 'sending'`),
  ],
);

/**
 * One row whose version grows with every write to what the costliest reminder rules read
 * (groups, members, leaders, meetings, protocols, signatures, sent reminders): triggers bump it
 * (see the custom migration). A rule that found nothing due need not look again over 10,000
 * groups until it moves or the rule's moment changes.
 */
export const ruleInputs = sqliteTable("rule_inputs", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});

/** Group-chat reminders the leader turned off; a missing row means on. */
export const groupReminderSettings = sqliteTable(
  "group_reminder_settings",
  {
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    kind: text("kind").notNull(),
    enabled: integer("enabled", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.kind] })],
);

/** People who muted the reminders the bot sends them in private. */
export const reminderMutes = sqliteTable("reminder_mutes", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  mutedAt: instant("muted_at").notNull(),
});

/**
 * The services a group monitors. Seeded ones carry a `key` and take their names from the
 * locales until the leader renames them; a retired service keeps its observations.
 */
export const services = sqliteTable(
  "services",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    key: text("key"),
    nameKy: text("name_ky"),
    nameRu: text("name_ru"),
    position: integer("position").notNull(),
    retiredAt: instant("retired_at"),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [uniqueIndex("services_one_key").on(t.groupId, t.key).where(sql`key is not null`)],
);

/** What a member saw of a service, in the statute's four directions. Withdrawn rows stay. */
export const observations = sqliteTable(
  "observations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id),
    observedOn: text("observed_on").notNull(),
    /** The Asia/Bishkek calendar quarter of observed_on, e.g. "2026-Q4". */
    quarter: text("quarter").notNull(),
    place: text("place"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    quality: integer("quality").notNull(),
    compliance: text("compliance", { enum: ["yes", "partly", "no", "unknown"] }).notNull(),
    resources: integer("resources").notNull(),
    /** The finding as typed or as a photo's caption; empty when it is a voice message. */
    finding: text("finding").notNull(),
    /** The finding as a voice message: its Telegram file id. */
    findingVoice: text("finding_voice"),
    status: text("status", { enum: ["active", "withdrawn"] }).notNull(),
    createdAt: instant("created_at").notNull(),
    updatedAt: instant("updated_at").notNull(),
  },
  (t) => [
    index("observations_by_group_date").on(t.groupId, t.observedOn),
    index("observations_by_group_quarter").on(t.groupId, t.quarter),
    index("observations_by_service").on(t.serviceId),
  ],
);

/** Photos of an observation, as Telegram file ids, in the order they were sent (at most five). */
export const observationPhotos = sqliteTable(
  "observation_photos",
  {
    observationId: integer("observation_id")
      .notNull()
      .references(() => observations.id),
    position: integer("position").notNull(),
    fileId: text("file_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.observationId, t.position] })],
);

/**
 * Which protocol covers which observation. A link with locked_at set (the protocol was signed)
 * locks the observation against edits and withdrawal.
 */
export const protocolObservations = sqliteTable(
  "protocol_observations",
  {
    protocolId: integer("protocol_id")
      .notNull()
      .references(() => protocols.id),
    observationId: integer("observation_id")
      .notNull()
      .references(() => observations.id),
    lockedAt: instant("locked_at"),
  },
  (t) => [primaryKey({ columns: [t.protocolId, t.observationId] }), index("protocol_observations_by_observation").on(t.observationId)],
);

/**
 * The command menus last sent to Telegram, one row per scope (and language), so that a menu is
 * sent again only when it changes. Chat and chat-member scopes keep their chat and user ids.
 */
export const publishedMenus = sqliteTable(
  "published_menus",
  {
    scope: text("scope").primaryKey(),
    chatId: integer("chat_id"),
    userId: integer("user_id"),
    digest: text("digest").notNull(),
  },
  (t) => [index("published_menus_by_chat").on(t.chatId)],
);

/**
 * The group's work plan for a period (the statute's plan-assignment): which services it
 * monitors, what it looks at, and by when. The latest row is the plan; an appointer approves it.
 */
export const workPlans = sqliteTable(
  "work_plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    services: text("services").notNull(),
    focus: text("focus").notNull(),
    endsOn: text("ends_on").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    approvedBy: integer("approved_by").references(() => users.id),
    approvedAt: instant("approved_at"),
  },
  (t) => [index("work_plans_by_group").on(t.groupId, t.id)],
);

/** Why and by whom an appointer ended the group's term (groups.ended_at holds when). */
export const termEndings = sqliteTable("term_endings", {
  groupId: integer("group_id")
    .primaryKey()
    .references(() => groups.id),
  endedBy: integer("ended_by")
    .notNull()
    .references(() => users.id),
  reason: text("reason").notNull(),
  endedAt: instant("ended_at").notNull(),
});

/**
 * The leader's instruction to one member (given to several, it is one row each): what, which
 * service, by when; the member accepts it and reports back, the leader marks it done or returns it.
 */
export const assignments = sqliteTable(
  "assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    memberId: integer("member_id")
      .notNull()
      .references(() => members.id),
    task: text("task").notNull(),
    serviceId: integer("service_id").references(() => services.id),
    dueOn: text("due_on").notNull(),
    status: text("status", { enum: ["given", "accepted", "reported", "done"] }).notNull(),
    report: text("report"),
    reportedAt: instant("reported_at"),
    returnNote: text("return_note"),
    doneAt: instant("done_at"),
    givenBy: integer("given_by")
      .notNull()
      .references(() => users.id),
    givenAt: instant("given_at").notNull(),
  },
  (t) => [
    index("assignments_by_group").on(t.groupId, t.status),
    index("assignments_open_by_due").on(t.dueOn).where(sql`status in ('given', 'accepted')`),
  ],
);

/** Photos and observations a member attached to their report on an assignment. */
export const assignmentAttachments = sqliteTable(
  "assignment_attachments",
  {
    assignmentId: integer("assignment_id")
      .notNull()
      .references(() => assignments.id),
    position: integer("position").notNull(),
    photoFileId: text("photo_file_id"),
    observationId: integer("observation_id").references(() => observations.id),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.position] })],
);

/**
 * A request for information, documents or materials (the statute's right): to the ayil okmotu
 * head, or to a service provider or staff member named in text; the answer when it comes.
 */
export const infoRequests = sqliteTable(
  "info_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    groupId: integer("group_id")
      .notNull()
      .references(() => groups.id),
    addressee: text("addressee", { enum: ["head", "provider"] }).notNull(),
    addresseeName: text("addressee_name"),
    subject: text("subject").notNull(),
    dueOn: text("due_on").notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: instant("created_at").notNull(),
    answer: text("answer"),
    answeredOn: text("answered_on"),
    answeredBy: integer("answered_by").references(() => users.id),
  },
  (t) => [index("info_requests_by_group").on(t.groupId, t.dueOn)],
);

/** Files (documents or photos, as Telegram file ids) that came with an answer. */
export const infoRequestFiles = sqliteTable(
  "info_request_files",
  {
    requestId: integer("request_id")
      .notNull()
      .references(() => infoRequests.id),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["document", "photo"] }).notNull(),
    fileId: text("file_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.position] })],
);

/**
 * Private messages Telegram refused because the person blocked the bot or never started it:
 * kept, rendered in their language, and delivered when they start the bot.
 */
export const pendingMessages = sqliteTable(
  "pending_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    groupId: integer("group_id").references(() => groups.id),
    text: text("text").notNull(),
    replyMarkup: text("reply_markup"),
    reason: text("reason", { enum: ["blocked", "not-started"] }).notNull(),
    createdAt: instant("created_at").notNull(),
    deliveredAt: instant("delivered_at"),
  },
  (t) => [index("pending_messages_waiting").on(t.userId).where(sql`delivered_at is null`)],
);

/**
 * Every document the bot made and sent: what it is of (a protocol, a report…), in which
 * language, the SHA-256 of its bytes and Telegram's file id. Asking again re-sends the file id
 * instead of rendering again; a file sent back to the bot is recognised by its hash.
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: ["protocol", "report"] }).notNull(),
    /** The id of what it is of: the protocol's id; for a report, what its kind defines. */
    subjectId: integer("subject_id").notNull(),
    /** A part of the subject, when one id is not enough (a report's period, "2026-Q3"); "" when none. */
    variant: text("variant").notNull().default(""),
    locale: text("locale", { enum: ["ky", "ru"] }).notNull(),
    sha256: text("sha256").notNull(),
    fileId: text("file_id"),
    fileUniqueId: text("file_unique_id"),
    rendererVersion: text("renderer_version").notNull(),
    createdAt: instant("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("documents_one_per_subject").on(t.kind, t.subjectId, t.variant, t.locale, t.rendererVersion),
    index("documents_by_hash").on(t.sha256),
    index("documents_by_file").on(t.fileUniqueId),
  ],
);
