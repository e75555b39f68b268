import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import { demoGateway } from "../support/admin-api";
import { storageStateFor } from "../support/auth";
import { saveScreenshot } from "../support/screenshots";

test.use({ storageState: storageStateFor("manager") });

test("a manager issues a gateway key, uses it through the gateway, sees the event, revokes it and the next call fails", async ({
  page,
}) => {
  const gateway = demoGateway();
  test.skip(!gateway, "the demo stack's managed gateway is not in the demo file (npm run demo starts it)");
  if (!gateway) return;
  const keyName = `support-bot-${Date.now()}`;

  await page.goto("/settings/gateway-keys");
  await page.getByRole("button", { name: "Issue a key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(keyName);
  const gatewaySelect = dialog.getByLabel("Gateway");
  const demoOption = gatewaySelect.locator("option", { hasText: gateway.name });
  await gatewaySelect.selectOption((await demoOption.getAttribute("value")) ?? "");
  await dialog.getByRole("button", { name: "Issue key" }).click();
  const secret = (await dialog.getByTestId("copyable-value").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^kt_gk_/);
  await expect(dialog.getByText("it will not be shown again")).toBeVisible();
  await saveScreenshot(page, "manager-key-issued");
  await dialog.getByRole("button", { name: "I have copied it" }).click();

  // The gateway learns of new keys on its next sync: retry the first call briefly.
  const client = new OpenAI({ apiKey: secret, baseURL: gateway.url, maxRetries: 0 });
  const marker = `manager-e2e-${Date.now()}`;
  await expect(async () => {
    const answer = await client.chat.completions.create({
      model: "gpt-4o-mini",
      user: marker,
      messages: [{ role: "user", content: "Say hello to the support team." }],
    });
    expect(answer.choices[0]?.message.content).toBeTruthy();
  }).toPass({ timeout: 30_000 });

  await page.goto(`/events?user=${encodeURIComponent(marker)}`);
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(marker).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await saveScreenshot(page, "manager-event-seen");

  await page.goto("/settings/gateway-keys");
  await page.getByRole("button", { name: `Revoke ${keyName}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("row", { name: new RegExp(keyName) }).getByText("revoked")).toBeVisible();

  await expect(async () => {
    const failure = await client.chat.completions
      .create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "Still there?" }] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(failure).toBeInstanceOf(OpenAI.AuthenticationError);
  }).toPass({ timeout: 30_000 });
  await saveScreenshot(page, "manager-key-revoked");
});
