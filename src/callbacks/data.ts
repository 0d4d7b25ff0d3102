/**
 * Callback data: `<prefix>:<field>:<field>…`, at most 64 bytes. Any client can send any data,
 * so every value is checked when it is read back: numbers are integers in range, choices are
 * members of their list. A family's `filter()` matches only data it can unpack.
 */

/** Telegram's limit on callback data, in UTF-8 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** One field: its shape on the wire, and how a value is written and read back (or refused). */
export interface Field<T> {
  readonly pattern: string;
  /** The longest values it can carry, for the size test. */
  readonly largest: readonly T[];
  write(value: T): string;
  read(raw: string): T | undefined;
}

export type Values<F> = { [K in keyof F]: F[K] extends Field<infer T> ? T : never };

/** A field that is always the same word; packing may leave it out. */
export interface Fixed<T> extends Field<T> {
  readonly fixed: T;
}

/** What `pack` takes: every field, except that fixed ones may be left out. */
// biome-ignore lint/suspicious/noExplicitAny: a field of any value type (Field is invariant in it)
type AnyField = Field<any>;
// biome-ignore lint/suspicious/noExplicitAny: a fixed field of any value type
type AnyFixed = Fixed<any>;

export type PackValues<F> = { [K in keyof F as F[K] extends AnyFixed ? never : K]: Values<F>[K] } & {
  [K in keyof F as F[K] extends AnyFixed ? K : never]?: Values<F>[K];
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An integer from `min` to `max`, written in decimal with no leading zeros. */
export function int<T extends number = number>(min = 0, max = Number.MAX_SAFE_INTEGER): Field<T> {
  return {
    pattern: "\\d{1,16}",
    largest: [max as T],
    write: (value) => String(value),
    read: (raw) => {
      const value = Number(raw);
      return String(value) === raw && Number.isSafeInteger(value) && value >= min && value <= max ? (value as T) : undefined;
    },
  };
}

/** A database id: a positive safe integer, branded as the id it is. */
export const id = <T extends number>(): Field<T> => int<T>(1);

/** One of a fixed list. */
export function oneOf<const V extends string | number>(values: readonly V[]): Field<V> {
  const longest = [...values].sort((a, b) => String(b).length - String(a).length)[0]!;
  return {
    pattern: values.map((v) => escapeRegExp(String(v))).join("|"),
    largest: [longest],
    write: (value) => String(value),
    read: (raw) => values.find((v) => String(v) === raw),
  };
}

/** Always this word: tells apart buttons that share a prefix (`att:<meeting>:done`). */
export function literal<const V extends string>(value: V): Fixed<V> {
  return { ...oneOf([value]), fixed: value };
}

/** A field of its own shape; `read` checks it. */
export function shaped<T extends string>(pattern: string, largest: readonly T[], read: (raw: string) => T | undefined): Field<T> {
  return { pattern, largest, write: (value) => value, read };
}

export class CallbackDataError extends Error {}

/** A pattern for `bot.callbackQuery(...)`: it matches only data whose values all check out. */
class CheckedPattern extends RegExp {
  constructor(
    source: string,
    private readonly check: (data: string) => boolean,
  ) {
    super(source);
  }
  override exec(text: string): RegExpExecArray | null {
    const found = super.exec(text);
    return found && this.check(text) ? found : null;
  }
}

export interface CallbackData<V, P = V> {
  readonly prefix: string;
  /** The shape of every data of this family, for the tests. */
  readonly pattern: RegExp;
  /** The largest values of each field, in field order. */
  readonly largest: { readonly [K in keyof V]: readonly V[K][] };
  pack(values: P): string;
  /** Data whose values check out (and equal `fixed`, where given); for `callbackQuery`. */
  filter(fixed?: Partial<V>): RegExp;
  /** The values of data known to match `filter()` (`ctx.match`); throws on anything else. */
  unpack(data: string | RegExpMatchArray): V;
  /** The values, or undefined for data of another family or values that do not check out. */
  parse(data: string | undefined): V | undefined;
}

export function callbackData<const F extends Record<string, AnyField>>(prefix: string, fields: F): CallbackData<Values<F>, PackValues<F>> {
  type V = Values<F>;
  const names = Object.keys(fields) as (keyof F & string)[];
  const source = (fixed: Partial<V> = {}) =>
    `^${[escapeRegExp(prefix), ...names.map((name) => (fixed[name] === undefined ? `(?:${fields[name]!.pattern})` : escapeRegExp(fields[name]!.write(fixed[name]))))].join(":")}$`;
  const shape = new RegExp(source());

  function parse(data: string | undefined): V | undefined {
    if (data === undefined || !shape.test(data)) return undefined;
    const parts = data.split(":").slice(prefix.split(":").length);
    if (parts.length !== names.length) return undefined;
    const values: Partial<Record<string, unknown>> = {};
    for (const [i, name] of names.entries()) {
      const value = fields[name]!.read(parts[i]!);
      if (value === undefined) return undefined;
      values[name] = value;
    }
    return values as V;
  }

  return {
    prefix,
    pattern: shape,
    largest: Object.fromEntries(names.map((name) => [name, fields[name]!.largest])) as CallbackData<V, PackValues<F>>["largest"],
    pack(given) {
      const values = given as unknown as Partial<V>;
      const data = [prefix, ...names.map((name) => fields[name]!.write(values[name] ?? (fields[name] as Partial<AnyFixed>).fixed))].join(
        ":",
      );
      if (parse(data) === undefined) throw new CallbackDataError(`callback data «${data}» does not fit ${prefix}`);
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES)
        throw new CallbackDataError(`callback data «${data}» is over ${CALLBACK_DATA_MAX_BYTES} bytes`);
      return data;
    },
    filter: (fixed) => new CheckedPattern(source(fixed), (data) => parse(data) !== undefined),
    unpack(data) {
      const values = parse(typeof data === "string" ? data : data.input);
      if (values === undefined) throw new CallbackDataError(`callback data does not fit ${prefix}`);
      return values;
    },
    parse,
  };
}
