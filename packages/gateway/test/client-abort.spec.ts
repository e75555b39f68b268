import { afterEach, expect, it } from "vitest";
import { startFakeOpenAi, type TFakeServer } from "./fake-openai";
import { KEY, openAiTarget, standalone, type TStandalone } from "./harness";

let upstream: TFakeServer;
let gw: TStandalone;

afterEach(async () => {
  await gw?.close();
  await upstream?.close();
});

it("records a request the client abandoned while the provider was answering as 499, not as a provider failure", async () => {
  upstream = await startFakeOpenAi({ delayMs: 1_000 });
  gw = await standalone({ name: "abort", providers: [openAiTarget(`${upstream.url}/v1`)], policies: [] });
  const gone = new AbortController();
  const call = fetch(`${gw.url}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] }),
    signal: gone.signal,
  });
  await new Promise((r) => setTimeout(r, 200));
  gone.abort();
  await expect(call).rejects.toThrow();
  for (let i = 0; i < 50 && !gw.events().length; i++) await new Promise((r) => setTimeout(r, 50));
  const ev = gw.events().at(-1)!;
  expect(ev.httpStatus).toBe(499);
  expect(ev.status).toBe("error");
  expect(ev.error).toMatch(/client closed/);
});
