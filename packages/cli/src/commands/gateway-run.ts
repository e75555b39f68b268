import { startGateway, type TStartGatewayOptions } from "@kt/gateway";
import type { Command } from "commander";
import { InvalidArgumentError } from "commander";
import { CliError } from "../lib/errors";
import { wantsJson } from "../lib/output";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("must be a port number (0-65535)");
  return n;
}

export function register(program: Command): void {
  const gateway = program.commands.find((c) => c.name() === "gateway") ?? program.command("gateway").description("run and manage kt gateways");
  gateway
    .command("run")
    .description(
      "run an OpenAI-compatible governed gateway: standalone from a policy config file, or managed by the control plane",
    )
    .option("--policy-config <file>", "standalone: a policy config (YAML, either form); keys from its gateway_keys or KT_GATEWAY_KEYS")
    .option("--control-plane <url>", "managed: the kt API's base URL, e.g. http://127.0.0.1:4000", process.env.KT_CONTROL_PLANE)
    .option("--gateway-token <token>", "managed: the gateway credential (kt_gw_…) shown when the gateway was registered", process.env.KT_GATEWAY_TOKEN)
    .option("--port <port>", "port to listen on", port, 41002)
    .option("--host <host>", "address to listen on (0.0.0.0 to serve other machines)", "127.0.0.1")
    .option("--events-file <file>", "standalone: where events are written (NDJSON)")
    .option("--state-dir <dir>", "managed: directory for the event spool and the last synced config")
    .option("--fsync", "flush every event to disk before answering (default: written before answering, flushed every 100 ms)")
    .action(async (opts, cmd: Command) => {
      if (!opts.policyConfig && !opts.controlPlane) {
        throw CliError.local("bad_request", "Give --policy-config FILE (standalone) or --control-plane URL --gateway-token T (managed)");
      }
      if (opts.policyConfig && opts.controlPlane) {
        throw CliError.local("bad_request", "--policy-config and --control-plane are exclusive: a gateway is standalone or managed");
      }
      const options: TStartGatewayOptions = {
        port: opts.port,
        host: opts.host,
        policyConfig: opts.policyConfig,
        controlPlane: opts.controlPlane,
        gatewayToken: opts.gatewayToken,
        eventsFile: opts.eventsFile,
        stateDir: opts.stateDir,
        durability: opts.fsync ? "fsync" : "write",
      };
      let running;
      try {
        running = await startGateway(options);
      } catch (e) {
        throw CliError.local("bad_request", (e as Error).message);
      }
      const mode = opts.controlPlane ? `managed by ${opts.controlPlane}` : `standalone from ${opts.policyConfig}`;
      if (wantsJson(cmd)) process.stdout.write(`${JSON.stringify({ url: running.url, port: running.port, mode })}\n`);
      else process.stdout.write(`kt gateway listening on ${running.url}/v1 (${mode})\n  export OPENAI_BASE_URL=${running.url}/v1\n`);
      const stop = async () => {
        await running.close();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      // Keep the process alive until a signal arrives.
      await new Promise(() => undefined);
    });
}
