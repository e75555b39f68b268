/**
 * kt's gateway with the full policy chain, in front of the mock upstream. KT_WORKERS=2 runs it as node:cluster
 * workers sharing the port, each with its own events file: a measurement of what a multi-process mode would give.
 */
import cluster from "node:cluster";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ZNormalizedPolicyConfig } from "@kt/contract";
import { sha256Hex, startGateway } from "@kt/gateway";
import { FULL_CHAIN_POLICIES } from "./full-chain.mts";

const WORKERS = Number(process.env.KT_WORKERS ?? 1);
if (WORKERS > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < WORKERS; i++) {
    cluster.fork().on("message", (m) => {
      if (m === "ready" && ++ready === WORKERS)
        if (cluster.isWorker) process.send!("ready");
        else process.stdout.write("ready\n");
    });
  }
  process.once("SIGTERM", () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.kill("SIGTERM");
    process.exit(0);
  });
  await new Promise(() => {});
}

const config = ZNormalizedPolicyConfig.parse({
  name: "bench-full-chain",
  providers: [
    { id: "mock", provider: "openai", baseUrl: `http://127.0.0.1:${process.env.UPSTREAM_PORT}/v1` },
  ],
  policies: process.env.KT_CHAIN === "none" ? [] : FULL_CHAIN_POLICIES,
});
const dir = mkdtempSync(path.join(tmpdir(), "kt-bench-"));
await startGateway({
  port: Number(process.env.PORT),
  config,
  keys: [
    {
      id: "bench",
      secretHash: sha256Hex(process.env.KT_KEY!),
      teamId: "bench",
      expiresAt: null,
      revokedAt: null,
      models: [],
    },
  ],
  eventsFile: path.join(dir, "events.ndjson"),
  durability: process.env.KT_DURABILITY === "fsync" ? "fsync" : "write",
  log: () => {},
});
// The events file of a run is only needed while it runs.
process.once("SIGTERM", () => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
});
if (cluster.isWorker) process.send!("ready");
else process.stdout.write("ready\n");
