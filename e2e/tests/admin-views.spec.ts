import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yIssues } from "../support/a11y";
import { seedAdminData } from "../support/admin-api";
import { storageStateFor } from "../support/auth";
import { saveScreenshot } from "../support/screenshots";

/** The administration views with something each must show once its data has loaded. */
const VIEWS: readonly { path: string; heading: string; loaded: (page: Page) => Promise<void> }[] = [
  {
    path: "/escalations",
    heading: "Escalations",
    loaded: (p) => expect(p.getByTestId("sla-overdue").first()).toBeVisible(),
  },
  {
    path: "/templates",
    heading: "Templates",
    loaded: (p) => expect(p.getByText("When to use:").first()).toBeVisible(),
  },
  {
    path: "/configurations",
    heading: "Configurations",
    loaded: (p) => expect(p.getByRole("table", { name: "Policy configurations" })).toBeVisible(),
  },
  {
    path: "/gateways",
    heading: "Gateways",
    loaded: (p) => expect(p.getByText("e2e-support-prod")).toBeVisible(),
  },
  {
    path: "/audit-log",
    heading: "Audit Log",
    loaded: (p) => expect(p.getByTestId("audit-verify")).toHaveAttribute("data-ok", "true"),
  },
  {
    path: "/settings/gateway-keys",
    heading: "Gateway keys",
    loaded: (p) => expect(p.getByText("e2e-support-bot")).toBeVisible(),
  },
  {
    path: "/settings/api-tokens",
    heading: "API tokens",
    loaded: (p) => expect(p.getByRole("table", { name: "API tokens" })).toBeVisible(),
  },
  {
    path: "/settings/members",
    heading: "Members",
    loaded: (p) => expect(p.getByText("viewer@demo.kt")).toBeVisible(),
  },
  {
    path: "/settings/teams",
    heading: "Teams",
    loaded: (p) => expect(p.getByRole("table", { name: "Teams" })).toBeVisible(),
  },
  {
    path: "/settings/webhooks",
    heading: "Webhooks",
    loaded: (p) => expect(p.getByText("http://127.0.0.1:9/kt-alerts")).toBeVisible(),
  },
];

test.describe("administration views as admin, with data", () => {
  test.use({ storageState: storageStateFor("admin") });
  test.beforeAll(async () => {
    await seedAdminData();
  });

  for (const view of VIEWS) {
    test(`${view.path} shows its data, passes axe and is captured`, async ({ page }) => {
      await page.goto(view.path);
      await expect(page.getByRole("heading", { level: 1, name: view.heading })).toBeVisible();
      await view.loaded(page);
      await expectNoSeriousA11yIssues(page);
      await saveScreenshot(page, `admin${view.path.replaceAll("/", "-")}`);
    });
  }

  test("a configuration: lint errors on their line as you type, a readable diff between versions", async ({
    page,
  }) => {
    await page.goto("/configurations");
    await page.getByRole("table", { name: "Policy configurations" }).getByRole("link").first().click();
    const editor = page.getByRole("textbox", { name: "Policy config YAML" });
    await expect(editor).toBeVisible();
    await expect(page.getByRole("heading", { name: "Compare versions" })).toBeVisible();
    await expect(page.locator(".diff-add, .diff-del").first()).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "admin-configuration-detail");

    await editor.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.type("\nnot_a_key: [unclosed");
    await expect(page.getByTestId("lint-summary")).toContainText(/[1-9]\d* errors?/);
    await expect(page.locator(".cm-lintRange-error").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "Save new version" })).toBeDisabled();
    await saveScreenshot(page, "admin-configuration-lint");
  });

  test("an audit entry shows its before/after diff", async ({ page }) => {
    await page.goto("/audit-log");
    await page
      .getByRole("button", { name: /Before\/after of entry/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("heading", { name: "Before → after" })).toBeVisible();
    await expect(dialog.locator(".diff-add, .diff-del").first()).toBeVisible();
    await saveScreenshot(page, "admin-audit-log-diff");
  });

  test("an escalation shows the held request and takes a decision with a reason", async ({ page }) => {
    await page.goto("/escalations");
    await page
      .getByRole("button", { name: /Open the P\d escalation/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("Policy decisions")).toBeVisible();
    await dialog.getByRole("button", { name: "Assign to me" }).click();
    await expect(dialog.getByText("You", { exact: true })).toBeVisible();
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "admin-escalation-detail");
    await dialog.getByLabel("Reason for the decision").fill("Known red-team exercise by the security team");
    await dialog.getByRole("button", { name: "Reject" }).click();
    await expect(dialog.getByText(/rejected: Known red-team exercise/)).toBeVisible();
  });
});
