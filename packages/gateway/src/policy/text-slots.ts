import type { TChatMessage } from "../http/openai-types";

/** A piece of prompt text and a way to write its redacted form back. */
export type TTextSlot = { role: string; get(): string; set(text: string): void };

/** The text slots of a request's messages: string contents and text parts. */
export function textSlots(messages: TChatMessage[]): TTextSlot[] {
  const slots: TTextSlot[] = [];
  for (const m of messages) {
    if (typeof m.content === "string") {
      slots.push({ role: m.role, get: () => m.content as string, set: (t) => (m.content = t) });
    } else if (Array.isArray(m.content)) {
      for (const part of m.content) {
        if (part.type === "text" && typeof part.text === "string") slots.push({ role: m.role, get: () => part.text as string, set: (t) => (part.text = t) });
      }
    }
  }
  return slots;
}

/** Copies messages deeply enough that redaction never touches the caller's objects. */
export function cloneMessages(messages: TChatMessage[]): TChatMessage[] {
  return messages.map((m) => ({ ...m, content: Array.isArray(m.content) ? m.content.map((p) => ({ ...p })) : m.content }));
}
