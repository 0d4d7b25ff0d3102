/**
 * The observation form under load: many members fill the whole form at once, each step an
 * update, and the latency of each step is reported on its own, so that the cost of replaying
 * a form over its length shows (step 1 replays nothing, the last step replays them all).
 *
 *   npm run bench:observations      (alone)   npm run bench   (after the membership mix)
 *
 * Two runs: one update at a time (each step's own cost, which the target of p99 under 10 ms
 * is about) and BENCH_CONCURRENCY in flight (latency under load, queueing included). Each run
 * first lets WARMUP members fill the form unmeasured, so start-up compilation is not counted.
 *
 * The form's buttons carry the id of the member's draft: each press is addressed to it just
 * before it is sent (outside the measured time). After the photos, each member corrects the
 * finding BENCH_OBS_CORRECTIONS times (11) before saving: the longest path, whose last step
 * should cost what the first does. Also printed: CPU per update of the one-at-a-time run, and
 * the largest draft stored.
 *
 * Knobs (environment): BENCH_OBS_MEMBERS (400), BENCH_OBS_CORRECTIONS (11), BENCH_CONCURRENCY (64),
 * BENCH_FETCH.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { count } from "drizzle-orm";
import type { Chat, Message, Update, User } from "grammy/types";
import { pino } from "pino";
import { createBot } from "../src/bot/create-bot.js";
import { checkpointInBackground } from "../src/db/checkpoints.js";
import { closeDatabase, openDatabase } from "../src/db/client.js";
import { observations } from "../src/db/schema.js";
import { oneName, registerGroup } from "../src/domain/groups.js";
import { insertMember } from "../src/domain/members.js";
import { servicesOf } from "../src/domain/services.js";
import { chatId, userId } from "../src/domain/types.js";
import { rememberUser } from "../src/domain/users.js";
import { BOT_INFO } from "../tests/helpers/fake-telegram.js";
import { DRAFT_FORMS, draftScope, formButton } from "../src/callbacks/index.js";
import { benchTelegram, RssSampler, type Delivery, type Run } from "./measure.js";
import { bareRun, floorRun } from "./baselines.js";
import { commandEntities } from "../tests/helpers/scenes.js";

export interface ObservationBenchOptions {
  members: number;
  /** Members who fill the form first, unmeasured. */
  warmup: number;
  concurrency: number;
  delivery: Delivery;
}

export interface StepFigures {
  step: number;
  name: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface ObservationBenchFigures {
  members: number;
  concurrency: number;
  updates: number;
  wallMs: number;
  steps: StepFigures[];
  recorded: number;
  errors: number;
  /** CPU time (user + system) per update, ms. */
  cpuPerUpdateMs: number;
  /** The largest draft's answers as stored, bytes. */
  largestDraft: number;
  /** Bot API calls per update. */
  callsPerUpdate: number;
  /** In the same run, as many updates at the same concurrency: bare grammY and the floor (see baselines.ts). */
  bare: Run;
  floor: Run;
}

const MEMBERS_PER_GROUP = 10;

let updateId = 0;

function update(from: User, fields: Partial<Message> | { data: string }): Update {
  const chat = { id: from.id, type: "private", first_name: from.first_name } as Chat;
  const message = { message_id: ++updateId, date: Math.floor(Date.now() / 1000), chat, from } as Message;
  if ("data" in fields) {
    return {
      update_id: updateId,
      callback_query: { id: String(updateId), from, chat_instance: "ci", data: fields.data, message },
    } as Update;
  }
  return { update_id: updateId, message: { ...message, ...fields } } as Update;
}

const command = (text: string) => ({ text, entities: commandEntities(text) });
const photo = (id: string) => ({ photo: [{ file_id: id, file_unique_id: id, width: 1280, height: 960 }] });

const CORRECTIONS = Number(process.env.BENCH_OBS_CORRECTIONS ?? 11);

/** The whole form, one update per step, as a member on a phone fills it, correcting the finding on the way. */
function formSteps(service: number, n: number): [string, Partial<Message> | { data: string }][] {
  const corrections = Array.from({ length: CORRECTIONS }, (_, k): [string, Partial<Message> | { data: string }][] => [
    [`edit ${k + 1}`, { data: formButton.pack(DRAFT_FORMS.observation, "sum", "edit") }],
    [`field ${k + 1}`, { data: formButton.pack(DRAFT_FORMS.observation, "field", "finding") }],
    [`finding ${k + 1}`, { text: `Оңдоо ${k + 1}: суу күнүнө эки саат гана берилет.` }],
  ]).flat();
  return [
    ["/observe", command("/observe")],
    ["service", { data: formButton.pack(DRAFT_FORMS.observation, "svc", service) }],
    ["date", { data: formButton.pack(DRAFT_FORMS.observation, "date", "today") }],
    ["place", { text: `Борбордук көчө, ${n}` }],
    ["quality", { data: formButton.pack(DRAFT_FORMS.observation, "q", (n % 5) + 1) }],
    ["compliance", { data: formButton.pack(DRAFT_FORMS.observation, "c", "partly") }],
    ["resources", { data: formButton.pack(DRAFT_FORMS.observation, "r", ((n + 2) % 5) + 1) }],
    ["finding", { text: "Суу күнүнө эки саат гана берилет, түтүктөр эскирген." }],
    ["photo 1", photo(`p${n}a`)],
    ["photo 2", photo(`p${n}b`)],
    ["photos done", { data: formButton.pack(DRAFT_FORMS.observation, "photo", "done") }],
    ...corrections,
    ["save", { data: formButton.pack(DRAFT_FORMS.observation, "sum", "save") }],
  ];
}

const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;

/** Runs the scenario on a fresh database and returns per-step latencies (ms). */
export async function observationScenario(o: ObservationBenchOptions): Promise<ObservationBenchFigures> {
  const dir = mkdtempSync(join(tmpdir(), "mg-bench-obs-"));
  const db = openDatabase(join(dir, "bench.sqlite"));
  let errors = 0;
  const logger = pino({ level: "error" }, { write: () => void errors++ });
  const checkpoints = checkpointInBackground(db, logger);
  const tg = benchTelegram(o.delivery);
  const bot = createBot({ token: "123456:BENCH", db, logger, defaultLocale: "ky", botInfo: BOT_INFO, client: { fetch: tg.fetch } });
  try {
    const now = new Date();
    const people: User[] = [];
    const serviceOf: number[] = [];
    const total = o.members + o.warmup;
    for (let g = 0; g * MEMBERS_PER_GROUP < total; g++) {
      const admin = { id: 6_000_000 + g, is_bot: false, first_name: "Башчы" };
      rememberUser(db, admin);
      const registered = registerGroup(db, {
        chatId: chatId(-1003000000000 - g),
        names: oneName(`Айыл №${g}`),
        locale: "ky",
        termEndsOn: null,
        by: userId(admin.id),
        office: "head",
        now,
      });
      if (!registered.ok) throw new Error("group not registered");
      const services = servicesOf(db, registered.group.id);
      for (let i = 0; i < MEMBERS_PER_GROUP && people.length < total; i++) {
        const person: User = { id: 20_000_000 + people.length, is_bot: false, first_name: "Мүчө", language_code: i % 2 ? "ru" : "ky" };
        rememberUser(db, person);
        insertMember(db, {
          group: registered.group.id,
          user: userId(person.id),
          fullName: `Мүчө ${people.length}`,
          category: "resident",
          requestId: null,
          now,
        });
        serviceOf.push(services[people.length % services.length]!.id);
        people.push(person);
      }
    }
    const names = formSteps(0, 0).map(([name]) => name);
    // Step k of everyone before step k+1 of anyone: each wave replays a form one step longer.
    const wave = (from: number, to: number) =>
      names.flatMap((_, step) =>
        people.slice(from, to).map((person, i) => ({ step, update: update(person, formSteps(serviceOf[from + i]!, from + i)[step]![1]) })),
      );
    const latencies: number[][] = names.map(() => []);
    const draftOf = db.$client.prepare("select id from drafts where user_id = ? and status != 'closed'").pluck();
    /** A press of `of:<field>:<value>` goes to the member's own draft. */
    const addressed = (u: Update): Update => {
      const press = u.callback_query;
      if (!formButton.belongs(press?.data, DRAFT_FORMS.observation)) return u;
      const scope = draftScope(DRAFT_FORMS.observation, draftOf.get(press!.from.id) as number);
      return { ...u, callback_query: { ...press!, data: `${scope}:${press!.data!.slice(DRAFT_FORMS.observation.length + 1)}` } };
    };
    /** Each member's update in hand: their next press is addressed once it is done. */
    const inHand = new Map<number, Promise<void>>();
    const drive = async (queue: ReturnType<typeof wave>, measured: boolean) => {
      let next = 0;
      const worker = async () => {
        while (next < queue.length) {
          const item = queue[next++]!;
          const from = (item.update.message ?? item.update.callback_query)!.from!.id;
          let handled!: () => void;
          const previous = inHand.get(from);
          inHand.set(from, new Promise((resolve) => (handled = resolve)));
          await previous;
          item.update = addressed(item.update);
          const t0 = performance.now();
          await bot.handleUpdate(item.update).finally(handled);
          if (measured) latencies[item.step]!.push(performance.now() - t0);
        }
      };
      await Promise.all(Array.from({ length: o.concurrency }, worker));
    };
    await drive(wave(0, o.warmup), false);
    const queue = wave(o.warmup, people.length);
    const callsBefore = tg.totalCalls;
    const started = performance.now();
    const cpu = process.cpuUsage();
    await drive(queue, true);
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const callsPerUpdate = (tg.totalCalls - callsBefore) / queue.length;
    const rss = new RssSampler();
    const bare = await bareRun(queue.length, rss, o.concurrency);
    const floor = await floorRun(queue.length, callsPerUpdate, rss, o.concurrency);
    rss.stop();
    const largestDraft = Number(db.$client.prepare("select max(length(cast(answers as blob))) from drafts").pluck().get() ?? 0);
    const steps = latencies.map((list, step) => {
      const sorted = [...list].sort((a, b) => a - b);
      return {
        step: step + 1,
        name: names[step]!,
        p50: percentile(sorted, 0.5),
        p95: percentile(sorted, 0.95),
        p99: percentile(sorted, 0.99),
        max: sorted.at(-1) ?? 0,
      };
    });
    const recorded = db.select({ n: count() }).from(observations).get()?.n ?? 0;
    const cpuPerUpdateMs = (used.user + used.system) / 1000 / queue.length;
    return {
      members: o.members,
      concurrency: o.concurrency,
      updates: queue.length,
      wallMs,
      steps,
      recorded: recorded - o.warmup,
      errors,
      cpuPerUpdateMs,
      largestDraft,
      callsPerUpdate,
      bare,
      floor,
    };
  } finally {
    await checkpoints.stop();
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpuPerUpdate = (run: Run) => (run.cpuMs / run.updates).toFixed(3);

/** The figures as a table, with the verdict against the target of p99 under 10 ms per step. */
export function observationReport(f: ObservationBenchFigures, targetMs = 10): string {
  const rows = f.steps.map((s) =>
    [String(s.step).padStart(4), s.name.padEnd(12), ...[s.p50, s.p95, s.p99, s.max].map((v) => v.toFixed(2).padStart(8))].join("  "),
  );
  const first = f.steps[0]!;
  const lastStep = f.steps.at(-1)!;
  const worst = f.steps.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  return [
    `Observation form: ${f.members} members, ${f.concurrency} update(s) in flight, ${f.updates} updates in ${(f.wallMs / 1000).toFixed(2)} s (${(f.updates / (f.wallMs / 1000)).toFixed(0)} updates/s)`,
    `step  name               p50       p95       p99       max   (ms)`,
    ...rows,
    `step 1 p50/p99 ${first.p50.toFixed(2)}/${first.p99.toFixed(2)} ms, last step ${lastStep.p50.toFixed(2)}/${lastStep.p99.toFixed(2)} ms; ` +
      `worst p99 ${worst.p99.toFixed(2)} ms at "${worst.name}": ${worst.p99 < targetMs ? "under" : "OVER"} the ${targetMs} ms target`,
    `last step ÷ first step (p50): ${(lastStep.p50 / first.p50).toFixed(2)}; CPU ${f.cpuPerUpdateMs.toFixed(3)} ms per update; largest draft stored ${f.largestDraft} bytes`,
    `beside it, as many updates in the same run: bare grammY ${cpuPerUpdate(f.bare)} ms per update, ` +
      `the floor (bare grammY making the same ${f.callsPerUpdate.toFixed(2)} Bot API calls per update) ${cpuPerUpdate(f.floor)} ms`,
    `recorded ${f.recorded} observations (expected ${f.members}), ${f.errors} error log lines`,
  ].join("\n");
}

/** Both runs, one update at a time and many in flight, printed one after the other. */
export async function printObservationScenario(o: Partial<ObservationBenchOptions> = {}): Promise<ObservationBenchFigures[]> {
  const base = {
    members: o.members ?? Number(process.env.BENCH_OBS_MEMBERS ?? 400),
    warmup: o.warmup ?? 50,
    delivery: o.delivery ?? (process.env.BENCH_FETCH === "microtask" ? "microtask" : "turn"),
  } as const;
  const runs: ObservationBenchFigures[] = [];
  for (const concurrency of [1, o.concurrency ?? Number(process.env.BENCH_CONCURRENCY ?? 64)]) {
    runs.push(await observationScenario({ ...base, concurrency }));
    console.log(`\n${observationReport(runs.at(-1)!)}`);
  }
  return runs;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await printObservationScenario();
