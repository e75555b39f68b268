import type { TGatewayWithCredential } from "@kt/contract";
import { CopyableCode, SecretOnce } from "../admin/secret-once";

/** The port the guides use for a team gateway. */
const GATEWAY_PORT = 41002;

/** The command that starts this gateway in managed mode; it carries the one-time credential. */
export function gatewayRunCommand(controlPlaneUrl: string, credential: string): string {
  return `kt gateway run --control-plane ${controlPlaneUrl} --gateway-token ${credential} --port ${GATEWAY_PORT}`;
}

export function GatewayCredential({
  gateway,
  controlPlaneUrl,
}: {
  gateway: TGatewayWithCredential;
  controlPlaneUrl: string;
}) {
  return (
    <div className="form-stack">
      <p>
        <strong>{gateway.name}</strong> ({gateway.environment}) is registered. Start it on the machine that
        will serve requests; it fetches its policy config from the control plane and reports health every few
        seconds.
      </p>
      <SecretOnce
        label="Gateway credential"
        value={gateway.credential}
        hint="If it is lost, rotate the credential and restart the gateway with the new one."
      />
      <CopyableCode label="Command" value={gatewayRunCommand(controlPlaneUrl, gateway.credential)} />
    </div>
  );
}
