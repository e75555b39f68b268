import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** The secret the fake expects; give it to a gateway as FAKE_OPENAI_KEY, as a config's secret_key_ref names it. */
export const FAKE_OPENAI_SECRET = "sk-fake-openai";

export type FakeOpenAi = { url: string; requests: number; close(): Promise<void> };

/**
 * A fake LLM provider: a real HTTP server speaking OpenAI's chat completions wire format (non-streaming). It answers
 * "echo: <last user message>" with usage, and 401 in OpenAI's format to a request without the expected secret.
 */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const fake: FakeOpenAi = { url: "", requests: 0, close: async () => {} };
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const chunk of req) text += chunk;
    fake.requests++;
    if (req.headers.authorization !== `Bearer ${FAKE_OPENAI_SECRET}`) {
      const error = {
        message: "Incorrect API key provided",
        type: "invalid_request_error",
        code: "invalid_api_key",
      };
      return void res.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error }));
    }
    const body = JSON.parse(text) as { model: string; messages: { role: string; content: string }[] };
    const content = `echo: ${body.messages.findLast((m) => m.role === "user")?.content ?? ""}`;
    const completionTokens = content.split(/\s+/).length;
    const answer = {
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
      usage: { prompt_tokens: 11, completion_tokens: completionTokens, total_tokens: 11 + completionTokens },
    };
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  fake.close = () => closeServer(server);
  return fake;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((r) => server.close(() => r()));
}
