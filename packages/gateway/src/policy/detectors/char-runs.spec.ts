import { describe, expect, it } from "vitest";
import { charTable, forEachLongRun } from "./char-runs";

const runs = (text: string, minLength: number) => {
  const out: [number, number][] = [];
  forEachLongRun(text, charTable("ab"), minLength, (start, end) => out.push([start, end]));
  return out;
};
// What the probe scan must equal: every maximal run, as the lookbehind regex the detectors used before found them.
const oracle = (text: string, minLength: number) =>
  [...text.matchAll(new RegExp(`(?<![ab])[ab]{${minLength},}`, "g"))].map((m): [number, number] => [
    m.index,
    m.index + m[0].length,
  ]);

describe("forEachLongRun", () => {
  it("finds runs at the very start and end, of exactly the minimum length, and across many probes", () => {
    expect(runs("abab", 4)).toEqual([[0, 4]]);
    expect(runs("aba", 4)).toEqual([]);
    expect(runs("abab-ab-abab", 4)).toEqual([
      [0, 4],
      [8, 12],
    ]);
    expect(runs(`x${"a".repeat(50)}x${"b".repeat(5)}`, 4)).toEqual([
      [1, 51],
      [52, 57],
    ]);
    expect(runs("é".repeat(3) + "ab".repeat(2), 4)).toEqual([[3, 7]]);
  });

  it("finds exactly the runs the regex finds, on random text", () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 500; i++) {
      const length = Math.floor(random() * 120);
      const breakRate = random() * 0.3;
      let text = "";
      for (let j = 0; j < length; j++) text += random() < breakRate ? " " : random() < 0.5 ? "a" : "b";
      for (const minLength of [1, 2, 3, 5, 8, 24])
        expect(runs(text, minLength)).toEqual(oracle(text, minLength));
    }
  });
});
