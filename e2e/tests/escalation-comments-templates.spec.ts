import { expect, test } from "@playwright/test";
import { ZEscalationDetail, ZTemplate, ZTemplateList } from "@kt/contract";
import { expectNoSeriousA11yIssues } from "../support/a11y";
import { KtApi, seedAdminData } from "../support/admin-api";
import { storageStateFor } from "../support/auth";
import { saveScreenshot } from "../support/screenshots";

test.describe("escalation comments and org templates, as admin", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.beforeAll(async () => {
    await seedAdminData();
  });

  test("a comment written in the Escalations drawer is kept on the escalation", async ({ page }) => {
    await page.goto("/escalations");
    await page
      .getByRole("button", { name: /Open the P\d escalation/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("Policy decisions")).toBeVisible();
    const body = `Checked with the team lead at ${Date.now()}`;
    await dialog.getByLabel("Add a comment").fill(body);
    const answer = page.waitForResponse(
      (r) => /\/comments$/.test(r.url()) && r.request().method() === "POST",
    );
    await dialog.getByRole("button", { name: "Post comment" }).click();
    const detail = ZEscalationDetail.parse(await (await answer).json());
    expect(detail.comments.map((c) => c.body)).toContain(body);
    await expect(dialog.getByTestId("escalation-comments")).toContainText(body);
    await expect(dialog.getByLabel("Add a comment")).toHaveValue("");
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "admin-escalation-comment");
  });

  test("an org template is edited, then deleted, from Templates", async ({ page }) => {
    const admin = await KtApi.as("admin");
    const catalog = ZTemplateList.parse(await admin.ok("GET", "/v1/templates"));
    const builtin = catalog.items.find((t) => t.origin === "builtin")!;
    const name = `e2e template ${Date.now().toString(36)}`;
    const made = ZTemplate.parse(
      await admin.ok("POST", "/v1/templates", {
        name,
        description: "First wording",
        whenToUse: "In the e2e run",
        yaml: builtin.yaml,
      }),
    );

    await page.goto("/templates");
    await page.getByRole("button", { name: `Edit template ${name}` }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Description").fill("Second wording, from the Console");
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "admin-template-edit");
    await dialog.getByRole("button", { name: "Save template" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Second wording, from the Console")).toBeVisible();
    const stored = ZTemplate.parse(await admin.ok("GET", `/v1/templates/${made.id}`));
    expect(stored.description).toBe("Second wording, from the Console");

    await page.getByRole("button", { name: `Delete template ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete template" }).click();
    await expect(page.getByRole("button", { name: `Edit template ${name}` })).toHaveCount(0);
    expect((await admin.call("GET", `/v1/templates/${made.id}`)).status).toBe(404);
    // Built-in templates offer no edit or delete.
    await expect(page.getByRole("button", { name: `Edit template ${builtin.name}` })).toHaveCount(0);
  });
});
