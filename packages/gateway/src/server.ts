import type { TGatewayHealth } from "@kt/contract";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { GatewayError, sendError } from "./http/errors";
import { handleChat } from "./handlers/chat";
import { handleModels } from "./handlers/models";
import type { GatewayRuntime } from "./runtime";

function json(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function createGatewayServer(runtime: GatewayRuntime): Server {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const pathname = url.split("?", 1)[0].replace(/\/+$/, "") || "/";
    const route = `${req.method} ${pathname}`;
    const done = (p: Promise<void> | void) =>
      Promise.resolve(p).catch((err: unknown) => {
        const e = err instanceof GatewayError ? err : new GatewayError(500, "server_error", "internal", "The gateway failed to handle this request");
        if (!(err instanceof GatewayError)) console.error(`[kt-gateway] ${route} failed:`, err);
        if (!res.headersSent) sendError(res, e);
        else res.end();
      });
    switch (route) {
      case "POST /v1/chat/completions":
      case "POST /chat/completions":
        return void done(handleChat(req, res, runtime));
      case "GET /v1/models":
      case "GET /models":
        return void done(handleModels(req, res, runtime));
      case "GET /healthz":
        return json(res, runtime.current ? 200 : 503, {
          status: runtime.current ? "ok" : "starting",
          configVersion: runtime.current?.configVersion ?? null,
          spoolDepth: runtime.sink.depth(),
          uptimeSeconds: Math.round((Date.now() - runtime.startedAt) / 1000),
        } satisfies TGatewayHealth);
      case "GET /metrics":
        runtime.metrics.spoolDepth.set(runtime.sink.depth());
        return void done(
          runtime.metrics.registry.metrics().then((text) => {
            res.writeHead(200, { "content-type": runtime.metrics.registry.contentType });
            res.end(text);
          }),
        );
      default:
        return sendError(res, new GatewayError(404, "invalid_request_error", "not_found", `No route ${route}; the gateway serves POST /v1/chat/completions, GET /v1/models, GET /healthz, GET /metrics`));
    }
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
