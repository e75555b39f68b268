import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ZGatewaySyncResponse, type TGatewaySyncResponse } from "@kt/contract";

const FILE = "last-sync.json";

/** The last sync answer (key hashes, never secrets), so a restart while the control plane is away keeps serving. */
export function cacheSyncTo(dir: string): (sync: TGatewaySyncResponse) => void {
  return (sync) => {
    const tmp = path.join(dir, FILE + ".tmp");
    writeFileSync(tmp, JSON.stringify(sync));
    renameSync(tmp, path.join(dir, FILE));
  };
}

export function loadCachedSync(dir: string): TGatewaySyncResponse | null {
  try {
    return ZGatewaySyncResponse.parse(JSON.parse(readFileSync(path.join(dir, FILE), "utf8")));
  } catch {
    return null;
  }
}
