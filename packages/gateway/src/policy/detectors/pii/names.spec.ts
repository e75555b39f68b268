import { describe, expect, it } from "vitest";
import { findNames } from "./names";

const names = (text: string) => findNames(text).map((f) => text.slice(f.start, f.end));

describe("findNames", () => {
  it.each([
    [
      "a pair of capitalised words no dictionary knows",
      "We hired Zoltanne Brevick last spring.",
      ["Zoltanne Brevick"],
    ],
    ["a middle initial", "The report from Qiraz T. Obenwald is late.", ["Qiraz T. Obenwald"]],
    ["a title before an English word", "Ask Mrs. Baker about the keys.", ["Baker"]],
    ["a lower-case first name and surname", "please forward this to olga petrenko today", ["olga petrenko"]],
    ["a lone lower-case name after a strong cue", "her maiden name is varga", ["varga"]],
    ["a speaker tag", "Ismerai: Where were you?", ["Ismerai"]],
    ["reported speech", '"It works," says Tervonen.', ["Tervonen"]],
    ["a verb of speech after the name", "Quolbek said it would rain.", ["Quolbek"]],
    ["a surname ending mid-sentence", "nothing like the early Dimitrova records", ["Dimitrova"]],
    ["a list holding a known name", "Our founders: Maria, Xelvane and Orkut.", ["Maria", "Xelvane", "Orkut"]],
    [
      "a later mention of a part of a name",
      "Starring Brynjar Thoralf, and Thoralf again.",
      ["Brynjar Thoralf", "Thoralf"],
    ],
    ["a lone first name in text typed without capitals", "can you ask ingrid about the invoice", ["ingrid"]],
    ["a possessive ending the name", "the verses from Halvard Skjei's Songs", ["Halvard Skjei"]],
    ["an unknown name before a verb only people use", "Xelvane went home early.", ["Xelvane"]],
    ["an unknown name after a verb that takes a person", "I met Xelvane at the airport.", ["Xelvane"]],
    ["an unknown name after a relationship noun", "My colleague Xelvane will join the call.", ["Xelvane"]],
    ["an unknown name after thanks", "Thank you Xelvane, that helped.", ["Xelvane"]],
    [
      "an unknown name a gendered pronoun refers to",
      "Xelvane forgot the keys, so she called a locksmith.",
      ["Xelvane"],
    ],
    ["an unknown name with a relative who", "Xelvane, who runs the lab, agreed.", ["Xelvane"]],
    [
      "a lower-case list of names with a common word in it",
      "hi all, ingrid, svetlana, will and eva are coming",
      ["ingrid", "svetlana", "will", "eva"],
    ],
    ["an unknown name with a personal possessive", "Xelvane's phone number changed.", ["Xelvane"]],
    ["a name that is a common word, addressed", "Don't go to town, Mark!", ["Mark"]],
    [
      "a name that is a common word, in a list of names",
      "Our founders: Maria, Ortiz and White.",
      ["Maria", "Ortiz", "White"],
    ],
    ["a surname that is a common word after a first name", "We'd like Anna Smith to come.", ["Anna Smith"]],
    ["an all-capitals surname after a first name", "Maria XELVANE signed the form.", ["Maria XELVANE"]],
    ["a capitalised particle opening a surname", '"It is moving," says De Luca.', ["De Luca"]],
    ["two lower-case particles after a first name", "Anna van der Xelberg called.", ["Anna van der Xelberg"]],
    ["a job title after the name left out", "Maria Xelvane Senior Vice President", ["Maria Xelvane"]],
    ["a common word after the name ending it", "Maria Xelvane Will Call back", ["Maria Xelvane"]],
    ["a lower-case name in capitalised text", "Have you heard ingrid xelvane speak yet?", ["ingrid xelvane"]],
    ["an English word after a verb of speech", "I'm so jealous! said Cobble to everyone.", ["Cobble"]],
    [
      "an English surname repeated after the full name",
      "Tom J. Key directed it, starring Key.",
      ["Tom J. Key", "Key"],
    ],
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
    "Will you review the pull request today?",
    "May I ask a question about the invoice?",
    "Grant access to the billing page, Will.",
    "The office is on Baker Street, next to Maple Avenue.",
    "Our Salesforce and Zendesk integrations broke after the upgrade.",
    "We moved from Jira to Linear last year.",
    "Revenue grew. Costs fell. Margins improved.",
    "Bye, see you tomorrow.",
    "I'm sure the Russian team will help the Brazilian office.",
    "Visit https://InstantResales.com/ for the details.",
    "Codes RS and OV are valid regions.",
    "Kubernetes restarted the pod, so it recovered on its own.",
  ])("leaves %j alone", (text) => {
    expect(names(text)).toEqual([]);
  });
});
