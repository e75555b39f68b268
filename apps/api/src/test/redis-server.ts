import { spawn } from "node:child_process";
import net from "node:net";
import { freePort } from "./net";

export type OwnRedis = { url: string; port: number; stop: () => Promise<void> };

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });
}

/**
 * A throwaway redis-server for tests that stop Redis: the shared one on 6379 serves everyone else.
 * No persistence; killed by `stop()`.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"],
    {
      stdio: "ignore",
    },
  );
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const until = Date.now() + 10_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > until)
      throw new Error(`redis-server did not start on port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
