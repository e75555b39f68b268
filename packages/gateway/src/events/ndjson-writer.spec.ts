import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NdjsonWriter, type TDurability } from "./ndjson-writer";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "kt-ndjson-"));
  dirs.push(dir);
  return path.join(dir, "events.ndjson");
}

describe.each<TDurability>(["write", "fsync"])("NdjsonWriter (%s)", (durability) => {
  it("writes the lines appended in one turn together, and acknowledges each only once it is in the file", async () => {
    const file = tempFile();
    const writer = await NdjsonWriter.open(file, durability);
    const seenOnAck: boolean[] = [];
    const acks = Array.from({ length: 200 }, (_, i) =>
      writer.append(JSON.stringify({ i, text: "é".repeat(i % 7) })).then(() => {
        seenOnAck.push(readFileSync(file, "utf8").includes(`{"i":${i},`));
      }),
    );
    // Nothing is written while the turn that appended is still running: the group goes out in one write after it.
    expect(statSync(file).size).toBe(0);
    await Promise.all(acks);
    expect(seenOnAck).toEqual(Array(200).fill(true));
    const lines = readFileSync(file, "utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => (JSON.parse(l) as { i: number }).i)).toEqual(
      Array.from({ length: 200 }, (_, i) => i),
    );
    expect(writer.bytes).toBe(statSync(file).size);
    await writer.close();
  });

  it("keeps appending in order across turns and writes what is queued when closed", async () => {
    const file = tempFile();
    const writer = await NdjsonWriter.open(file, durability);
    await writer.append('{"n":1}');
    await Promise.all([writer.append('{"n":2}'), writer.append('{"n":3}')]);
    const last = writer.append('{"n":4}');
    await writer.close();
    await last;
    expect(readFileSync(file, "utf8")).toBe('{"n":1}\n{"n":2}\n{"n":3}\n{"n":4}\n');
    await expect(writer.append('{"n":5}')).rejects.toThrow(/closed/);
  });
});
