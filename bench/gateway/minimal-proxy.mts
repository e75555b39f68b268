/**
 * The floor a Node proxy cannot go below: node:http in, undici out (same pool settings as kt's gateway), the body
 * passed through as bytes, no parsing, no policies, no events. kt's gateway minus this is the gateway's own cost.
 */
import { createServer } from "node:http";
import { Agent } from "undici";

const agent = new Agent({
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 120_000,
  connections: 256,
  pipelining: 1,
});
const origin = `http://127.0.0.1:${process.env.UPSTREAM_PORT}`;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    agent
      .request({
        origin,
        path: "/v1/chat/completions",
        method: "POST",
        headers: { "content-type": "application/json" },
        body: Buffer.concat(chunks),
      })
      .then(async (up) => {
        const body = Buffer.from(await up.body.arrayBuffer());
        res.writeHead(up.statusCode, { "content-type": "application/json", "content-length": body.length });
        res.end(body);
      })
      .catch((err: Error) => {
        res.writeHead(502, { "content-type": "text/plain" });
        res.end(err.message);
      });
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => process.stdout.write("ready\n"));
process.once("SIGTERM", () => process.exit(0));
