import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type TFakeBehaviour = {
  /** HTTP status to answer instead of a completion (e.g. 500 to force failover). */
  status?: number;
  delayMs?: number;
  reply?: (body: Record<string, unknown>) => string;
  /** Leave usage out, as some providers and proxies do. */
  omitUsage?: boolean;
};

export type TFakeServer = { url: string; port: number; received: { path: string; headers: IncomingMessage["headers"]; body: Record<string, unknown>; raw: string }[]; behaviour: TFakeBehaviour; close(): Promise<void> };

async function readBody(req: IncomingMessage): Promise<{ body: Record<string, unknown>; raw: string }> {
  let raw = "";
  for await (const c of req) raw += c;
  return { body: raw ? (JSON.parse(raw) as Record<string, unknown>) : {}, raw };
}

export async function listen(server: Server): Promise<number> {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  return (server.address() as AddressInfo).port;
}

const lastUser = (body: Record<string, unknown>) => {
  const msgs = body.messages as { role: string; content: unknown }[];
  const m = [...msgs].reverse().find((x) => x.role === "user");
  return typeof m?.content === "string" ? m.content : JSON.stringify(m?.content);
};

/** A real HTTP server speaking OpenAI's chat wire format (plain and SSE). Default reply: "echo: <last user text>". */
export async function startFakeOpenAi(behaviour: TFakeBehaviour = {}): Promise<TFakeServer> {
  const received: TFakeServer["received"] = [];
  const state: TFakeServer = { url: "", port: 0, received, behaviour, close: async () => {} };
  const server = createServer(async (req, res) => {
    const { body, raw } = await readBody(req);
    received.push({ path: req.url ?? "", headers: req.headers, body, raw });
    const b = state.behaviour;
    if (b.delayMs) await new Promise((r) => setTimeout(r, b.delayMs));
    if (b.status) {
      res.writeHead(b.status, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: `fake failure ${b.status}`, type: "server_error", code: null } }));
    }
    const text = b.reply ? b.reply(body) : `echo: ${lastUser(body)}`;
    const promptTokens = 11;
    const completionTokens = text.split(/\s+/).length;
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const base = { id: "chatcmpl-fake", created: 1700000000, model: body.model };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ ...base, object: "chat.completion", choices: [{ index: 0, message: { role: "assistant", content: text }, finish_reason: "stop" }], ...(b.omitUsage ? {} : { usage }) }));
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    const send = (o: unknown) => res.write(`data: ${JSON.stringify(o)}\n\n`);
    send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }] });
    for (const piece of text.match(/\S+\s*/g) ?? []) send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    send({ ...base, object: "chat.completion.chunk", choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
    const wantsUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
    if (wantsUsage && !b.omitUsage) send({ ...base, object: "chat.completion.chunk", choices: [], usage });
    res.end("data: [DONE]\n\n");
  });
  state.port = await listen(server);
  state.url = `http://127.0.0.1:${state.port}/v1`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}

/** A real HTTP server speaking Anthropic's Messages API (plain and SSE with named events). */
export async function startFakeAnthropic(behaviour: TFakeBehaviour = {}): Promise<TFakeServer> {
  const received: TFakeServer["received"] = [];
  const state: TFakeServer = { url: "", port: 0, received, behaviour, close: async () => {} };
  const server = createServer(async (req, res) => {
    const { body, raw } = await readBody(req);
    received.push({ path: req.url ?? "", headers: req.headers, body, raw });
    const b = state.behaviour;
    if (b.status) {
      res.writeHead(b.status, { "content-type": "application/json" });
      return res.end(JSON.stringify({ type: "error", error: { type: "api_error", message: `fake failure ${b.status}` } }));
    }
    const msgs = body.messages as { role: string; content: { type: string; text?: string }[] }[];
    const userText = msgs.filter((m) => m.role === "user").at(-1)?.content.map((c) => c.text ?? "").join("") ?? "";
    const text = b.reply ? b.reply(body) : `claude says: ${userText}`;
    const usage = { input_tokens: 21, output_tokens: text.split(/\s+/).length };
    if (!body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      return res.end(JSON.stringify({ id: "msg_fake", type: "message", role: "assistant", model: body.model, content: [{ type: "text", text }], stop_reason: "end_turn", usage }));
    }
    res.writeHead(200, { "content-type": "text/event-stream" });
    const send = (event: string, data: unknown) => res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    send("message_start", { type: "message_start", message: { id: "msg_fake", type: "message", role: "assistant", model: body.model, content: [], usage: { input_tokens: usage.input_tokens, output_tokens: 1 } } });
    send("content_block_start", { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    for (const piece of text.match(/\S+\s*/g) ?? []) send("content_block_delta", { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: piece } });
    send("content_block_stop", { type: "content_block_stop", index: 0 });
    send("message_delta", { type: "message_delta", delta: { stop_reason: "end_turn" }, usage: { output_tokens: usage.output_tokens } });
    send("message_stop", { type: "message_stop" });
    res.end();
  });
  state.port = await listen(server);
  state.url = `http://127.0.0.1:${state.port}`;
  state.close = () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); });
  return state;
}
