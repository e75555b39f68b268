import { describe, expect, it } from "vitest";
import { escalationsFor } from "./escalation-rules";

const base = {
  id: "0193a1c2-0000-7000-8000-000000000001",
  ts: "2026-11-23T10:00:00.000Z",
  team_id: null,
  gateway_id: "g",
};
const decision = (over: object) => ({
  policy: "quality",
  type: "quality-scorer",
  stage: "response",
  action: "escalate",
  triggered: true,
  latencyUs: 1,
  details: {},
  ...over,
});

describe("escalationsFor", () => {
  it("raises one per escalating policy with the SLA of its priority", () => {
    const drafts = escalationsFor({
      ...base,
      action: "escalated",
      decisions: [
        decision({}),
        decision({ policy: "inj", type: "prompt-injection" }),
        decision({ policy: "x", triggered: false }),
      ],
    });
    expect(drafts.map((d) => [d.policy, d.priority, d.dueAt])).toEqual([
      ["quality", "P3", "2026-11-24T10:00:00.000Z"],
      ["inj", "P1", "2026-11-23T10:30:00.000Z"],
    ]);
  });
  it("honours a priority in the decision's details and never loses an escalated event", () => {
    expect(
      escalationsFor({
        ...base,
        action: "allowed",
        decisions: [decision({ details: { priority: "p2" } })],
      })[0].priority,
    ).toBe("P2");
    expect(escalationsFor({ ...base, action: "escalated", decisions: [] })).toMatchObject([
      { policy: "unspecified", priority: "P3" },
    ]);
    expect(
      escalationsFor({ ...base, action: "allowed", decisions: [decision({ action: "block" })] }),
    ).toEqual([]);
  });
});
