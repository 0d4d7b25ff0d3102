import type { DraftKind } from "../domain/drafts.js";
import { CALLBACK_DATA_MAX_BYTES, CallbackDataError, callbackData, id, literal, oneOf, shaped } from "./data.js";

/** The short forms (conversations): their buttons are `<prefix>:<field>:<value>`. */
export const FORMS = {
  setup: "sf",
  join: "jf",
  names: "nf",
  meeting: "mf",
  reschedule: "mr",
  service: "svf",
  comment: "cf",
  dissent: "df",
  plan: "plf",
  recommendationNote: "rn",
  endTerm: "etf",
  giveAssignment: "agf",
  reportAssignment: "arf",
  askInfo: "irf",
  answerInfo: "iaf",
} as const;

/** The long forms (drafts): their buttons are `<prefix>:<draft id>:<field>:<value>`. */
export const DRAFT_FORMS = { observation: "of", protocol: "pf" } as const satisfies Record<DraftKind, string>;

/** Whose buttons: a short form's prefix, or a draft's `<prefix>:<draft id>`. */
export type FormScope = string;

/** A draft's buttons name the draft, so an old one never answers a newer draft. */
export const draftScope = (prefix: string, draft: number): FormScope => `${prefix}:${draft}`;

/** A form's button: `<scope>:<field>:<value>`, or `<scope>:<field>` when it carries no value. */
export const formButton = {
  pack(scope: FormScope, field: string, value?: string | number): string {
    const data = value === undefined ? `${scope}:${field}` : `${scope}:${field}:${value}`;
    if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)
      throw new CallbackDataError(`callback data «${data}» is over ${CALLBACK_DATA_MAX_BYTES} bytes`);
    return data;
  },
  /** Whether the data is this very button. */
  is(data: string | undefined, scope: FormScope, field: string, value?: string | number): boolean {
    return data !== undefined && data === formButton.pack(scope, field, value);
  },
  /** The value of this field's button when it is one of `values`; undefined for anything else. */
  value<V extends string>(data: string | undefined, scope: FormScope, field: string, values: readonly V[]): V | undefined {
    const head = `${scope}:${field}:`;
    return data?.startsWith(head) ? values.find((v) => v === data.slice(head.length)) : undefined;
  },
  /** Whether the data is one of this form's buttons at all. */
  belongs: (data: string | undefined, scope: FormScope): boolean => data?.startsWith(`${scope}:`) ?? false,
};

const draftId = id();

/** Any draft's button, routed to its form by the prefix and to the draft by its id. */
export const draftButtonData = {
  filter: (prefixes: readonly string[]) => new RegExp(`^(${prefixes.join("|")}):(\\d{1,16}):`),
  /** The prefix and draft of a button matched by `filter`; undefined when the id is not one. */
  parse(match: RegExpMatchArray): { prefix: string; draft: number } | undefined {
    const draft = draftId.read(match[2] ?? "");
    return draft === undefined ? undefined : { prefix: match[1]!, draft };
  },
  /** A form's button packed without its draft (`of:sum:save`), on any draft (`of:<id>:sum:save`). */
  anyDraft(button: string): RegExp {
    const [prefix, ...rest] = button.split(":").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    return new RegExp(`^${prefix}:\\d{1,16}:${rest.join(":")}$`);
  },
};

const KINDS = ["observation", "protocol"] as const satisfies readonly DraftKind[];
/** What a form's offer token names (see `openDraft`): ids, dots and a letter. */
const token = shaped("[a-z0-9.]{1,30}", ["9".repeat(30)], (raw) => (/^[a-z0-9.]{1,30}$/.test(raw) ? raw : undefined));

/** A person with a pending draft resumes it… */
export const draftResumeData = callbackData("dk", { draft: id(), action: literal("r") });
/** …or discards it for the form of `kind`, opened again from `token`. */
export const draftDiscardData = callbackData("dk", { draft: id(), action: literal("d"), kind: oneOf(KINDS), token });
