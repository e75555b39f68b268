import { expect, test } from "@playwright/test";
import { KtApi, seedAdminData } from "../support/admin-api";
import { storageStateFor } from "../support/auth";
import { saveScreenshot } from "../support/screenshots";

test.use({ storageState: storageStateFor("viewer") });

const WRITE_BUTTONS =
  /^(Issue a key|Register a gateway|New configuration|Create configuration|Create a token|Invite a member|Create a team|Add a webhook|Rotate|Revoke|Assign config|Roll back|Approve|Reject|Assign to me)/;

test("a viewer sees the data, finds no write action, and a direct write call is refused with 403", async ({
  page,
}) => {
  await seedAdminData();
  for (const path of [
    "/escalations",
    "/configurations",
    "/gateways",
    "/settings/gateway-keys",
    "/templates",
    "/settings/members",
    "/settings/teams",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("status")).toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByRole("button", { name: WRITE_BUTTONS })).toHaveCount(0);
  }
  await page.goto("/gateways");
  await expect(page.getByText("e2e-support-prod")).toBeVisible();
  await saveScreenshot(page, "viewer-gateways");

  const viewer = await KtApi.as("viewer");
  const gateways = await viewer.ok<{ items: { id: string; teamId: string | null }[] }>("GET", "/v1/gateways");
  const gw = gateways.items[0];
  expect(gw).toBeDefined();
  const refused = await viewer.call("POST", "/v1/gateway-keys", {
    name: "sneaky",
    teamId: gw?.teamId,
    gatewayId: gw?.id,
  });
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({ error: { code: "forbidden" } });
  // Through the Console's proxy too: the browser's session cookie does not widen the role.
  const viaConsole = await page.request.post("/api/kt/v1/teams", {
    data: { name: "sneaky" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(viaConsole.status()).toBe(403);
});
