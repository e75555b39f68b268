import { describe, expect, it } from "vitest";
import { findNames } from "./names";

const names = (text: string) => findNames(text).map((f) => text.slice(f.start, f.end));

describe("findNames", () => {
  it.each([
    ["a pair of capitalised words no dictionary knows", "We hired Zoltanne Brevick last spring.", ["Zoltanne Brevick"]],
    ["a middle initial", "The report from Qiraz T. Obenwald is late.", ["Qiraz T. Obenwald"]],
    ["a title before an English word", "Ask Mrs. Baker about the keys.", ["Baker"]],
    ["a lower-case first name and surname", "please forward this to olga petrenko today", ["olga petrenko"]],
    ["a lone lower-case name after a strong cue", "her maiden name is varga", ["varga"]],
    ["a speaker tag", "Ismerai: Where were you?", ["Ismerai"]],
    ["reported speech", '"It works," says Tervonen.', ["Tervonen"]],
    ["a verb of speech after the name", "Quolbek said it would rain.", ["Quolbek"]],
    ["a surname ending mid-sentence", "nothing like the early Dimitrova records", ["Dimitrova"]],
    ["a list holding a known name", "Our founders: Maria, Xelvane and Orkut.", ["Maria", "Xelvane", "Orkut"]],
    ["a later mention of a part of a name", "Starring Brynjar Thoralf, and Thoralf again.", ["Brynjar Thoralf", "Thoralf"]],
    ["a lone first name in text typed without capitals", "can you ask ingrid about the invoice", ["ingrid"]],
    ["a possessive ending the name", "the verses from Halvard Skjei's Songs", ["Halvard Skjei"]],
  ])("finds %s", (_what, text, expected) => {
    expect(names(text)).toEqual(expected);
  });

  it.each([
    "Deploy it on Kubernetes with Terraform, then check Grafana.",
    "Summarise the quarterly report for the finance team.",
    "Will you send the Tube Snake Boogie lyrics?",
    "Revenue grew in every region, and operating costs stayed flat.",
    "Note: the Board approved the Budget.",
    "we use postgres and redis in production",
    "ask jenkins to rerun the build and ping the kafka team",
    "What is the capital of France? Answer in one sentence.",
    "The Eiffel Tower is in Paris.",
  ])("leaves %j alone", (text) => {
    expect(names(text)).toEqual([]);
  });
});
