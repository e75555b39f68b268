import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), done(true)));
    socket.once("error", () => done(false));
  });
}

export type RestartableRedis = {
  url: string;
  /** Kills redis-server (SIGKILL) and starts it again on the same port and data directory. */
  restart: (downMs?: number) => Promise<void>;
  stop: () => Promise<void>;
};

/**
 * A redis-server of the test's own on a fixed port (the shared one on 6379 serves everyone else), so a test
 * can kill and restart it. `persistent`: an append-only file fsync'd on every write, so a restart keeps the
 * queue; otherwise it comes back empty.
 */
export async function startRestartableRedis(port: number, persistent: boolean): Promise<RestartableRedis> {
  const dir = mkdtempSync(join(tmpdir(), "kt-exports-redis-"));
  const args = ["--port", String(port), "--bind", "127.0.0.1", "--dir", dir, "--save", "", "--daemonize", "no"];
  args.push(...(persistent ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]));
  let child: ChildProcess;
  const up = async () => {
    child = spawn("redis-server", args, { stdio: "ignore" });
    const until = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (child.exitCode !== null || Date.now() > until) throw new Error(`redis-server did not start on port ${port}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const down = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  };
  await up();
  return {
    url: `redis://127.0.0.1:${port}`,
    restart: async (downMs = 500) => {
      await down();
      await new Promise((r) => setTimeout(r, downMs));
      await up();
    },
    stop: async () => {
      await down();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
