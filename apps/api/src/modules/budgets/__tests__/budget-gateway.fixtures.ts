import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { connect, createServer, type AddressInfo, type Server, type Socket } from "node:net";

/**
 * A fake LLM provider: a real HTTP server speaking OpenAI's chat completions wire format. It reports
 * `promptTokens` as usage (none at all while null, so the gateway counts with its tokenizer) and as many
 * completion tokens as the request's max_tokens allowed, or `completionTokens` when set (a provider answering
 * longer than the gateway assumed). A user message starting with "slow" is answered after `slowMs`.
 */
export type FakeProvider = {
  url: string;
  promptTokens: number | null;
  completionTokens: number | null;
  delayMs: () => number;
  slowMs: number;
  close(): Promise<void>;
};

export async function startFakeProvider(): Promise<FakeProvider> {
  const fake: FakeProvider = {
    url: "",
    promptTokens: null,
    completionTokens: null,
    delayMs: () => 0,
    slowMs: 1_500,
    close: async () => {},
  };
  const server = createHttpServer(async (req, res) => {
    let text = "";
    for await (const c of req) text += c;
    const body = JSON.parse(text) as {
      model: string;
      max_tokens?: number;
      messages: { role: string; content: string }[];
    };
    const last = body.messages.at(-1)?.content ?? "";
    await new Promise((r) => setTimeout(r, last.startsWith("slow") ? fake.slowMs : fake.delayMs()));
    const completion = fake.completionTokens ?? body.max_tokens ?? 1;
    const usage =
      fake.promptTokens === null
        ? undefined
        : {
            prompt_tokens: fake.promptTokens,
            completion_tokens: completion,
            total_tokens: fake.promptTokens + completion,
          };
    const answer = JSON.stringify({
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1_700_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: "assistant", content: "ok" }, finish_reason: "length" }],
      ...(usage ? { usage } : {}),
    });
    res.writeHead(200, { "content-type": "application/json" }).end(answer);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => closeServer(server);
  return fake;
}

/**
 * A TCP path between a gateway and the API that a test can cut and restore on the same port. `down`: open
 * connections are reset and new ones refused (unreachable). `stall`: connections stay open but nothing gets
 * through (a control plane that does not answer). `up` resets what a stall held and forwards again.
 */
export type CuttableLink = {
  url: string;
  down(): Promise<void>;
  stall(): void;
  up(): Promise<void>;
  close(): Promise<void>;
};

export async function startCuttableLink(target: string): Promise<CuttableLink> {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let stalled = false;
  let port = 0;
  const forward = (from: Socket, to: Socket) =>
    from.on("data", (chunk) => {
      if (!stalled) to.write(chunk);
    });
  const listen = async () => {
    const s = createServer((client) => {
      const upstream = connect(Number(targetPort), hostname);
      for (const sock of [client, upstream]) {
        sockets.add(sock);
        sock.on("close", () => sockets.delete(sock));
        sock.on("error", () => {});
      }
      forward(client, upstream);
      forward(upstream, client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((r) => s.listen(port, "127.0.0.1", r));
    port = (s.address() as AddressInfo).port;
    server = s;
  };
  await listen();
  const resetAll = () => {
    for (const sock of sockets) sock.resetAndDestroy();
  };
  const down = async () => {
    const s = server;
    server = null;
    resetAll();
    if (s) await closeServer(s);
  };
  const up = async () => {
    if (stalled) {
      // Bytes were dropped while stalled: those connections cannot carry HTTP any more.
      resetAll();
      stalled = false;
    }
    if (!server) await listen();
  };
  return {
    url: `http://127.0.0.1:${port}`,
    down,
    stall: () => void (stalled = true),
    up,
    close: down,
  };
}

function closeServer(server: Server | HttpServer): Promise<void> {
  return new Promise((r) => server.close(() => r()));
}

/** The value of one Prometheus counter (summed over its labels matching `labels`) from a gateway's /metrics. */
export async function metric(
  gatewayUrl: string,
  name: string,
  labels: Record<string, string> = {},
): Promise<number> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-z_]+)(?:\{([^}]*)\})? ([0-9.e+-]+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries(
      (m[2] ?? "")
        .split(",")
        .filter(Boolean)
        .map((kv) => kv.split("=").map((p) => p.replace(/"/g, ""))),
    );
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) sum += Number(m[3]);
  }
  return sum;
}
