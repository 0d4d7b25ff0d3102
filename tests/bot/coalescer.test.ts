import { describe, expect, test } from "vitest";
import { EditCoalescer } from "../../src/bot/coalescer.js";
import { TestClock } from "../helpers/harness.js";

describe("tally edits are coalesced", () => {
  test("the first edit runs at once; later ones within 3 s collapse into the newest, run when due", async () => {
    const clock = new TestClock(new Date("2026-11-24T06:00:00Z"));
    const runs: string[] = [];
    const edits = new EditCoalescer(clock, () => undefined);
    const edit = (label: string) => edits.request("vote:1", async () => void runs.push(label));
    await edit("a");
    await edit("b");
    await edit("c");
    expect(runs).toEqual(["a"]);
    expect(edits.waiting).toBe(1);
    clock.advance(2999);
    await edits.flushDue();
    expect(runs).toEqual(["a"]);
    clock.advance(1);
    await edits.flushDue();
    expect(runs).toEqual(["a", "c"]);
    // Another message is not held back by this one.
    await edits.request("vote:2", async () => void runs.push("other"));
    expect(runs).toEqual(["a", "c", "other"]);
  });

  test("a failed edit is reported, not thrown; stop drops what waits and clears its timer", async () => {
    const clock = new TestClock(new Date("2026-11-24T06:00:00Z"));
    const failures: string[] = [];
    const edits = new EditCoalescer(clock, (_, key) => failures.push(key));
    await edits.request("vote:1", async () => {
      throw new Error("message is not modified");
    });
    expect(failures).toEqual(["vote:1"]);
    let late = false;
    await edits.request("vote:1", async () => void (late = true));
    expect(edits.waiting).toBe(1);
    edits.stop();
    expect(edits.waiting).toBe(0);
    clock.advance(10_000);
    await edits.flushDue();
    await edits.request("vote:1", async () => void (late = true));
    expect(late).toBe(false);
  });
});
