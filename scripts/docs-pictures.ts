/**
 * Pictures for the README: the first page of a signed protocol and of a quarter's report in each language, made from the
 * test fixtures (the bot run end to end against the fake Bot API) and rasterised with pdftoppm
 * (Debian's poppler-utils).
 *
 *   npm run docs:pictures        # writes docs/protocol-{ky,ru}.png and docs/report-{ky,ru}.png
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sharedRenderer } from "../src/documents/render/index.js";
import { Harness } from "../tests/helpers/harness.js";
import { groupWithLeader } from "../tests/helpers/meetings.js";
import { finalProtocol } from "../tests/helpers/protocols.js";
import { fillQuarter } from "../tests/helpers/report.js";

const OUT = "docs";
const PAGE = Number(process.env.PAGE ?? 1);

async function protocolPage(locale: "ky" | "ru"): Promise<void> {
  const h = new Harness();
  try {
    const { chat } = await finalProtocol(h, locale);
    const [pdf] = h.tg.documentsTo(chat.id);
    if (!pdf) throw new Error("the protocol's PDF was not sent");
    const dir = mkdtempSync(join(tmpdir(), "pictures-"));
    writeFileSync(join(dir, "protocol.pdf"), pdf.file.bytes);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "70",
      "-f",
      String(PAGE),
      "-l",
      String(PAGE),
      "-singlefile",
      join(dir, "protocol.pdf"),
      join(OUT, `protocol-${locale}`),
    ]);
    rmSync(dir, { recursive: true, force: true });
    console.log(`${OUT}/protocol-${locale}.png`);
  } finally {
    h.close();
  }
}

/** The first page of the fourth quarter's report of the test fixture, asked for by a member. */
async function reportPage(locale: "ky" | "ru"): Promise<void> {
  const h = new Harness();
  try {
    const scene = await groupWithLeader(h, locale);
    fillQuarter(h, scene);
    const asker = scene.people[locale === "ky" ? 0 : 1]!;
    await asker.say("/report");
    const [pdf] = h.tg.documentsTo(asker.id);
    if (!pdf) throw new Error("the report's PDF was not sent");
    const dir = mkdtempSync(join(tmpdir(), "pictures-"));
    writeFileSync(join(dir, "report.pdf"), pdf.file.bytes);
    execFileSync("pdftoppm", [
      "-png",
      "-r",
      "70",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      join(dir, "report.pdf"),
      join(OUT, `report-${locale}`),
    ]);
    rmSync(dir, { recursive: true, force: true });
    console.log(`${OUT}/report-${locale}.png`);
  } finally {
    h.close();
  }
}

await protocolPage("ky");
await protocolPage("ru");
await reportPage("ky");
await reportPage("ru");
await sharedRenderer().close();
