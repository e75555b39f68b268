import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TGatewayEvent } from "@kt/contract";
import { afterEach, expect, it } from "vitest";
import { EventSpool } from "./spool";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const event = (i: number) =>
  ({ id: `ev-${String(i).padStart(6, "0")}`, pad: "x".repeat(1_000) }) as unknown as TGatewayEvent;

it("rotates once when many appends find the segment full, and ships every event once, in order, across segments", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kt-spool-"));
  dirs.push(dir);
  const spool = await EventSpool.open(dir);
  const total = 9_000; // ~9.2 MB: past one 8 MiB segment
  for (let i = 0; i < total; i += 500) {
    await Promise.all(Array.from({ length: Math.min(500, total - i) }, (_, j) => spool.append(event(i + j))));
  }
  expect(readdirSync(dir).filter((f) => f.startsWith("seg-")).length).toBe(2);
  expect(spool.depth).toBe(total);

  const shipped: string[] = [];
  for (let next = await spool.peek(500); next; next = await spool.peek(500)) {
    shipped.push(...next.events.map((e) => e.id));
    await next.commit();
  }
  expect(shipped).toEqual(Array.from({ length: total }, (_, i) => event(i).id));
  expect(spool.depth).toBe(0);
  await spool.close();

  const reopened = await EventSpool.open(dir);
  expect(reopened.depth).toBe(0);
  expect(await reopened.peek(500)).toBeNull();
  await reopened.close();
});
