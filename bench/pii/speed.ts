/**
 * What the pii-detector costs: building its lexicons (time and retained heap), and detectPii over every entity
 * type on 1 KB prompts (p50/p99 µs): ordinary business prose (the gateway bench's prompt), prose dense with
 * personal data (corpus sentences joined), and chat typed in lower case.
 * Run from bench/: node --expose-gc --conditions=source --import tsx pii/speed.ts   (PII_SPEED_ITERATIONS, default 2000)
 */
import { readFileSync } from "node:fs";
import { PII_ENTITY_TYPES, type TPiiEntityType } from "@kt/contract";

const CORPUS =
  process.env.PII_CORPUS ??
  new URL("../../../shared/data/pii/presidio-synth-v2.json", import.meta.url).pathname;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

async function main(): Promise<void> {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  // PII_DETECTOR=<path of another pii/index.ts> measures another version (e.g. the last commit's) the same way.
  const { detectPii } = (await import(
    process.env.PII_DETECTOR ?? "@kt/gateway"
  )) as typeof import("@kt/gateway");
  const imported = performance.now();
  const all = new Set<TPiiEntityType>(PII_ENTITY_TYPES);
  detectPii("Lexicons load on first use, Mr. Smith.", all);
  const loaded = performance.now();
  gc();
  const heap1 = process.memoryUsage().heapUsed;
  console.log(
    `import @kt/gateway ${(imported - t0).toFixed(0)} ms; first name lookup (lexicon build) ${(loaded - imported).toFixed(0)} ms; ` +
      `heap retained ${((heap1 - heap0) / 1e6).toFixed(1)} MB; rss ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
  );

  const samples = (JSON.parse(readFileSync(CORPUS, "utf8")) as { full_text: string }[]).map(
    (s) => s.full_text,
  );
  const toKb = (parts: string[], sep: string) => {
    let out = "";
    for (let i = 0; out.length < 1000; i++) out += (out ? sep : "") + parts[i % parts.length];
    return out.slice(0, 1000);
  };
  const PROMPTS: [string, string[]][] = [
    [
      "business prose, no PII",
      [
        toKb(
          [
            "Summarise the attached quarterly report for the finance team. Revenue grew in every region, operating costs stayed flat, and the new product line reached break-even two months early.",
          ],
          " ",
        ),
      ],
    ],
    // Different 1 KB slices of the corpus, so the figure is not one lucky text.
    ["corpus sentences (PII-dense)", Array.from({ length: 50 }, (_, k) => toKb(samples.slice(k * 12), " "))],
    [
      "lower-case chat",
      Array.from({ length: 50 }, (_, k) =>
        toKb(
          samples.slice(k * 12).map((s) => s.toLowerCase()),
          " ",
        ),
      ),
    ],
  ];

  const ITERATIONS = Number(process.env.PII_SPEED_ITERATIONS ?? 2000);
  for (const [name, texts] of PROMPTS) {
    for (let i = 0; i < 200; i++) detectPii(texts[i % texts.length], all);
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const text = texts[i % texts.length];
      const s = process.hrtime.bigint();
      detectPii(text, all);
      times.push(Number(process.hrtime.bigint() - s) / 1000);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(0);
    console.log(
      `detectPii, all types, 1 KB ${name}: p50 ${q(0.5)} µs, p99 ${q(0.99)} µs (${ITERATIONS} calls)`,
    );
  }
}

void main();
