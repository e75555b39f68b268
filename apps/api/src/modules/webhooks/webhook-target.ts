import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent } from "undici";

/**
 * Webhook URLs are chosen by org admins, and deliveries leave from inside the deployment: unless
 * WEBHOOK_ALLOW_PRIVATE_NETWORKS is set, a delivery may only reach public unicast addresses, so an org cannot
 * make the API probe loopback, the cloud metadata service (169.254.169.254) or the internal network.
 */
export function isPrivateAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
  return ipaddr.process(address).range() !== "unicast";
}

/** Why this URL must not be a webhook target, or null when it may be. Unresolvable hosts are refused too. */
export async function webhookTargetProblem(url: string): Promise<string | null> {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((a) => a.address);
    } catch {
      return `${host} does not resolve; check the host name`;
    }
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked
    ? `${host} resolves to ${blocked}, a private, loopback or link-local address; webhooks may only reach public addresses unless the API runs with WEBHOOK_ALLOW_PRIVATE_NETWORKS=true`
    : null;
}

/**
 * An HTTP agent whose connections only go to public addresses: the address is checked after resolution,
 * at connect time, so a host that re-resolves to an internal address after the URL was accepted still fails.
 */
export function publicOnlyAgent(): Agent {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
          if (err) return callback(err, "", 0);
          const allowed = addresses.filter((a) => !isPrivateAddress(a.address));
          if (allowed.length === 0) {
            const refused = Object.assign(new Error(`${hostname} resolves only to private addresses`), {
              code: "EWEBHOOKPRIVATE",
            });
            return callback(refused, "", 0);
          }
          if (options.all)
            return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
          callback(null, allowed[0].address, allowed[0].family);
        });
      },
    },
  });
}
