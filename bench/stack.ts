/**
 * The required stack alone: how fast a bot can be that does only what the product's rules ask
 * of every update, layer by layer, beside bare grammY in the same run. Each row adds one layer
 * to the one above; none of them has the product's own work (its SQL, permissions, texts).
 *
 *   npm run bench:stack
 *
 * Two rows are forms as the product's rules make them. A short form: a conversation whose state
 * is in SQLite, every update one of its steps (the join form's shape). A long form: a draft row
 * read, then written in one commit with the update's arrival, and 2.33 Bot API calls per step
 * (two presses, each answered, its buttons taken off and the next question asked, to one typed
 * answer), the observation form's count. Then the bound the short form and the command rows put
 * on a mix where BENCH_STACK_FORMS (0.4, as in the membership mix) of the updates are form steps.
 *
 * BENCH_CONCURRENCY=1 gives each update's own cost, as the observation form's target counts it.
 *
 * Knobs (environment): BENCH_STACK_UPDATES (20000), BENCH_STACK_RUNS (3), BENCH_CONCURRENCY (64).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import {
  conversations,
  createConversation,
  type Conversation,
  type ConversationData,
  type ConversationFlavor,
  type VersionedState,
  type VersionedStateStorage,
} from "@grammyjs/conversations";
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import { sequentialize } from "@grammyjs/runner";
import { Bot, type Context, InlineKeyboard } from "grammy";
import type { Update, User } from "grammy/types";
import { LOCALES_DIR } from "../src/bot/i18n.js";
import {
  benchTelegram,
  BOT_INFO,
  CONCURRENCY,
  drive,
  interleave,
  press,
  privateChat,
  random,
  relaunchWithNursery,
  RssSampler,
  say,
  TOKEN,
  type Run,
} from "./measure.js";

type Inner = Context & I18nFlavor;
type Outer = ConversationFlavor<Inner>;
type Layer = (bot: Bot<Outer>, db: SQLite.Database) => void;
type Shape = "commands" | "forms" | "drafts";

const UPDATES = Number(process.env.BENCH_STACK_UPDATES ?? 20_000);
const RUNS = Number(process.env.BENCH_STACK_RUNS ?? 3);
const FORMS = Number(process.env.BENCH_STACK_FORMS ?? 0.4);

const key = (ctx: Context) => `${ctx.chat?.id}:${ctx.from?.id}`;

function commands(base: number, n: number): Update[] {
  return Array.from({ length: n }, (_, i) => {
    const person: User = { id: base + (i % 5000), is_bot: false, first_name: "Айгүл", language_code: i % 2 ? "ky" : "ru" };
    return say(person, privateChat(person), "/start");
  });
}

/** Each person: the form's command, a typed answer, two button presses; people interleaved. */
function formSteps(base: number, n: number): Update[] {
  const streams = Array.from({ length: Math.ceil(n / 4) }, (_, i) => {
    const person: User = { id: base + i, is_bot: false, first_name: "Айгүл", language_code: i % 2 ? "ky" : "ru" };
    const chat = privateChat(person);
    return [
      say(person, chat, "/start"),
      say(person, chat, "Айгүл Осмонова"),
      press(person, chat, "j:cat:r"),
      press(person, chat, "j:ok:y"),
    ];
  });
  return interleave(streams, random(7)).slice(0, n);
}

/** Each person: two presses and a typed answer, again and again. */
function draftSteps(base: number, n: number): Update[] {
  const streams = Array.from({ length: Math.ceil(n / 12) }, (_, i) => {
    const person: User = { id: base + i, is_bot: false, first_name: "Айгүл", language_code: i % 2 ? "ky" : "ru" };
    const chat = privateChat(person);
    return Array.from({ length: 12 }, (_, k) => (k % 3 === 2 ? say(person, chat, "Борбордук көчө, 12") : press(person, chat, `d:${k}:x`)));
  });
  return interleave(streams, random(11)).slice(0, n);
}

/** The update inbox: updates stored as they are taken in hand, marked done after, the marks of one turn in one commit. */
function inboxTable(db: SQLite.Database) {
  db.exec("create table inbox (update_id integer primary key, body text not null, done_at integer)");
  const take = db.prepare("insert into inbox (update_id, body) values (?, ?)");
  const done = db.prepare("update inbox set done_at = ? where update_id = ?");
  const markAll = db.transaction((ids: number[]) => {
    for (const id of ids) done.run(Date.now(), id);
  });
  let waiting: number[] = [];
  let written: Promise<void> | undefined;
  return {
    take: (update: Update) => take.run(update.update_id, JSON.stringify(update)),
    finish(id: number): Promise<void> {
      waiting.push(id);
      written ??= new Promise((resolve) =>
        setImmediate(() => {
          const ids = waiting;
          waiting = [];
          written = undefined;
          markAll(ids);
          resolve();
        }),
      );
      return written;
    },
  };
}

const inbox: Layer = (bot, db) => {
  const table = inboxTable(db);
  bot.use(async (ctx, next) => {
    table.take(ctx.update);
    await next();
    await table.finish(ctx.update.update_id);
  });
};

/**
 * A long form's step: the person's draft read, its next state written in one commit with the
 * update's arrival, the replies, then the done-mark (as the bot's drafts do).
 */
const draftForm: Layer = (bot, db) => {
  const table = inboxTable(db);
  db.exec("create table drafts (user_id integer primary key, step integer not null, answers text not null, last_update integer not null)");
  const read = db.prepare("select step, answers from drafts where user_id = ?");
  const write = db.prepare(
    "insert into drafts (user_id, step, answers, last_update) values (?, ?, ?, ?) " +
      "on conflict do update set step = excluded.step, answers = excluded.answers, last_update = excluded.last_update",
  );
  const apply = db.transaction((update: Update, user: number, step: number, answers: string) => {
    table.take(update);
    write.run(user, step, answers, update.update_id);
  });
  const keyboard = new InlineKeyboard().text("1", "d:1:a").text("2", "d:1:b").row().text("3", "d:1:c").text("4", "d:1:d");
  bot.on(["callback_query:data", "message:text"], async (ctx) => {
    const user = ctx.from.id;
    const draft = read.get(user) as { step: number; answers: string } | undefined;
    const step = draft?.step ?? 0;
    const answers = {
      ...(draft && (JSON.parse(draft.answers) as Record<string, string>)),
      [`a${step}`]: ctx.callbackQuery?.data ?? ctx.msg?.text,
    };
    apply(ctx.update, user, step + 1, JSON.stringify(answers));
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup();
    }
    await ctx.reply(ctx.t("join-ask-category"), { reply_markup: keyboard });
    await table.finish(ctx.update.update_id);
  });
};

const i18n = <C extends Inner>() =>
  new I18n<C>({ defaultLocale: "ky", directory: LOCALES_DIR, useSession: false, fluentBundleOptions: { useIsolating: false } });

/** Form states in SQLite, with the keys known to have none kept in memory (as the bot's storage does). */
function formStorage(db: SQLite.Database): VersionedStateStorage<string, ConversationData> {
  db.exec("create table forms (key text primary key, state text not null)");
  const read = db.prepare("select state from forms where key = ?").pluck();
  const write = db.prepare("insert into forms (key, state) values (?, ?) on conflict do update set state = excluded.state");
  const remove = db.prepare("delete from forms where key = ?");
  const absent = new Set<string>();
  type State = VersionedState<ConversationData>;
  return {
    read(k) {
      if (absent.has(k)) return undefined;
      const state = read.get(k) as string | undefined;
      if (state === undefined) absent.add(k);
      return state === undefined ? undefined : (JSON.parse(state) as State);
    },
    write(k, state) {
      absent.delete(k);
      write.run(k, JSON.stringify(state));
    },
    delete(k) {
      remove.run(k);
      absent.add(k);
    },
  };
}

const answer: Layer = (bot) => bot.command("start", (ctx) => ctx.reply(ctx.t("start-in-group")));
const ordered: Layer = (bot) => bot.use(sequentialize(key));
const translated: Layer = (bot) => bot.use(i18n<Outer>());
/** Fluent, and the conversations plugin with its state in SQLite (translations inside forms too). */
const shortForms: Layer = (bot, db) => {
  const storage = { type: "key", getStorageKey: key, adapter: formStorage(db) } as const;
  bot.use(i18n<Outer>(), conversations<Outer, Inner>({ storage, plugins: [i18n<Inner>()] }));
};
const joinForm: Layer = (bot) => {
  bot.use(createConversation<Outer, Inner>(joinShaped, "join"));
  bot.command("start", (ctx) => ctx.conversation.enter("join"));
};
const hi: Layer = (bot) => bot.command("start", (ctx) => ctx.reply("hi"));

const LAYERS: [string, Layer[], Shape][] = [
  ["bare grammY /start", [hi], "commands"],
  ["+ sequentialize", [ordered, hi], "commands"],
  ["+ inbox in SQLite", [ordered, inbox, hi], "commands"],
  ["+ i18n (Fluent)", [ordered, inbox, translated, answer], "commands"],
  ["+ conversations, no form open", [ordered, inbox, shortForms, answer], "commands"],
  ["short form: every update a step of a 4-step one", [ordered, inbox, shortForms, joinForm], "forms"],
  ["long form: every update a step of a draft", [ordered, shortForms, draftForm], "drafts"],
];

async function joinShaped(form: Conversation<Outer, Inner>, ctx: Inner): Promise<void> {
  await ctx.reply(ctx.t("join-ask-name", { municipality: "Мин-Булак" }));
  const name = await form.waitFor("message:text");
  await name.reply(ctx.t("join-ask-category"), { reply_markup: new InlineKeyboard().text("1", "j:cat:r").text("2", "j:cat:d") });
  const category = await form.waitForCallbackQuery(/^j:cat:/);
  await category.answerCallbackQuery();
  await category.reply(ctx.t("join-ask-category"), { reply_markup: new InlineKeyboard().text("✓", "j:ok:y") });
  const consent = await form.waitForCallbackQuery(/^j:ok:/);
  await consent.answerCallbackQuery();
  await consent.reply(ctx.t("start-in-group"));
}

let nextBase = 40_000_000;
async function runLayer(name: string, layers: Layer[], shape: Shape, rss: RssSampler): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-stack-"));
  const make = (file: string) => {
    const db = new SQLite(join(dir, file));
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const tg = benchTelegram();
    const bot = new Bot<Outer>(TOKEN, { botInfo: BOT_INFO, client: { fetch: tg.fetch } });
    for (const layer of layers) layer(bot, db);
    return { db, tg, bot };
  };
  const updates = (n: number) => ({ commands, forms: formSteps, drafts: draftSteps })[shape]((nextBase += 1_000_000), n);
  try {
    // A first bot warms the code up, unmeasured; the second is measured.
    const warm = make("warm.sqlite");
    await drive(name, warm.bot, updates(2000), warm.tg, rss, CONCURRENCY);
    warm.db.close();
    const measured = make("bench.sqlite");
    const run = await drive(name, measured.bot, updates(UPDATES), measured.tg, rss, CONCURRENCY);
    measured.db.close();
    return run;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

relaunchWithNursery();
const rss = new RssSampler();
const perSecond = (run: Run) => run.updates / (run.wallMs / 1000);
console.log(`The required stack alone, ${UPDATES} updates per row, ${CONCURRENCY} in flight; ${RUNS} runs`);
const ratios: number[][] = LAYERS.map(() => []);
const cpu: number[][] = LAYERS.map(() => []);
const bounds: number[] = [];
// The process's own start (grammY, the fake Bot API, the drive loop) is paid before the first row.
await runLayer("warm-up", [hi], "commands", rss);
for (let r = 1; r <= RUNS; r++) {
  const runs: Run[] = [];
  for (const [name, layers, shape] of LAYERS) runs.push(await runLayer(name, layers, shape, rss));
  const bare = perSecond(runs[0]!);
  console.log(`\nrun ${r}\n${"row".padEnd(50)}  updates/s  ÷ bare  CPU µs/upd  API calls/upd`);
  for (const [i, run] of runs.entries()) {
    ratios[i]!.push(perSecond(run) / bare);
    cpu[i]!.push((run.cpuMs * 1000) / run.updates);
    const cells = [perSecond(run).toFixed(0).padStart(9), (perSecond(run) / bare).toFixed(3).padStart(6)];
    cells.push(((run.cpuMs * 1000) / run.updates).toFixed(0).padStart(10), (run.calls / run.updates).toFixed(2).padStart(13));
    console.log(`${run.name.padEnd(50)}  ${cells.join("  ")}`);
  }
  // Time per update adds up: a share FORMS of form steps, the rest answered commands.
  const form = perSecond(runs[LAYERS.findIndex(([, , shape]) => shape === "forms")]!);
  const idle = perSecond(runs[LAYERS.findIndex(([, , shape]) => shape === "forms") - 1]!);
  const bound = 1 / (FORMS / form + (1 - FORMS) / idle);
  bounds.push(bound / bare);
  console.log(`a mix with ${FORMS * 100}% form steps: at most ${bound.toFixed(0)} updates/s, ${(bound / bare).toFixed(3)}× bare`);
}
const spread = (values: number[], digits: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (i: number) => sorted[i]!.toFixed(digits);
  return `${at(0)} / ${at(Math.floor(sorted.length / 2))} / ${at(sorted.length - 1)}`;
};
console.log(`\nmin / median / max of ${RUNS} runs\n${"row".padEnd(50)}  ÷ bare                 CPU µs/upd`);
for (const [i, [name]] of LAYERS.entries()) console.log(`${name.padEnd(50)}  ${spread(ratios[i]!, 3).padEnd(21)}  ${spread(cpu[i]!, 0)}`);
console.log(`${`the bound on a mix with ${FORMS * 100}% form steps`.padEnd(50)}  ${spread(bounds, 3)}`);
process.exit(0);
