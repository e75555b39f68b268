import { describe, expect, it } from "vitest";
import { isPrivateAddress } from "./webhook-target";

describe("webhook target addresses", () => {
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])("%s is public", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it.each([
    "127.0.0.1",
    "10.1.2.3",
    "172.16.0.9",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "::1",
    "fd00::1",
    "fe80::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "not-an-address",
  ])("%s is not reachable by webhooks", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
});
