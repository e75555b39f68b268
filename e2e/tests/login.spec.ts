import { expect, test } from "@playwright/test";
import { ZApiError, ZMe, can } from "@kt/contract";
import { LoginPage } from "../pages/login-page";
import { Shell } from "../pages/shell";
import { signInAs } from "../support/auth";
import { demoUser, demoUsers } from "../support/demo";
import { recordOutsideRequests } from "../support/outside-requests";
import { saveScreenshot } from "../support/screenshots";

const MAIN_VIEWS = [
  ["Dashboard", "dashboard:read"],
  ["Events", "events:read"],
  ["Cost Center", "costs:read"],
  ["Escalations", "escalations:read"],
  ["Templates", "templates:read"],
  ["Configurations", "configs:read"],
  ["Gateways", "gateways:read"],
  ["Audit Log", "audit:read"],
  ["Exports", "exports:read"],
] as const;

test.describe("log-in", () => {
  for (const user of demoUsers()) {
    test(`${user.email} signs in and sees the shell as ${user.role}`, async ({ page, baseURL }) => {
      const outside = recordOutsideRequests(page, baseURL!);
      const login = new LoginPage(page);
      await login.goto();
      await saveScreenshot(page, "login");

      const answer = await login.signIn(user.email, user.password);
      expect(answer.status()).toBe(200);
      await expect(page).toHaveURL(/\/dashboard$/);

      const shell = new Shell(page);
      await shell.expectSignedInAs(user.role);
      await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

      // The header shows what the API says about the caller, read through the Console's own proxy.
      const me = ZMe.parse(await (await page.request.get("/api/kt/v1/me")).json());
      expect(me.role).toBe(user.role);
      expect(me.user.email).toBe(user.email);
      await expect(shell.orgName).toHaveText(me.org.name);

      for (const [label, permission] of MAIN_VIEWS) {
        await expect(shell.navLink(label)).toHaveCount(can(user.role, permission) ? 1 : 0);
      }

      // The JWT lives only in an httpOnly cookie: page scripts can neither read it nor find it in storage.
      const cookies = await page.context().cookies();
      const session = cookies.find((c) => c.name === "kt_session");
      expect(session?.httpOnly).toBe(true);
      expect(session?.sameSite).toBe("Lax");
      const visibleToScripts = await page.evaluate(() => ({
        cookie: document.cookie,
        local: JSON.stringify(localStorage),
        session: JSON.stringify(sessionStorage),
      }));
      expect(visibleToScripts.cookie).not.toContain("kt_session");
      expect(visibleToScripts.local).not.toContain(session!.value);
      expect(visibleToScripts.session).not.toContain(session!.value);

      await saveScreenshot(page, `shell-${user.role}-dashboard`);
      expect(outside, "requests to hosts other than the Console").toEqual([]);
    });
  }

  test("a wrong password shows the API's message as the API wrote it", async ({ page }) => {
    const user = demoUser("finance");
    const login = new LoginPage(page);
    await login.goto();
    const answer = await login.signIn(user.email, `${user.password}-wrong`);

    expect(answer.status()).toBe(401);
    const body = ZApiError.parse(await answer.json());
    expect(body.error.code).toBe("unauthenticated");
    await expect(login.error).toHaveText(body.error.message);
    await expect(page).toHaveURL(/\/login/);
    expect(await page.context().cookies()).not.toContainEqual(
      expect.objectContaining({ name: "kt_session" }),
    );
    await saveScreenshot(page, "login-wrong-password");
  });

  test("a signed-out visitor is sent to log in, then back to the page they asked for", async ({ page }) => {
    await page.goto("/events");
    await expect(page).toHaveURL(/\/login\?next=%2Fevents$/);
    const user = demoUser("viewer");
    await new LoginPage(page).signIn(user.email, user.password);
    await expect(page).toHaveURL(/\/events$/);
    await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "manager");
    await new Shell(page).signOut();
    expect(await page.context().cookies()).not.toContainEqual(
      expect.objectContaining({ name: "kt_session" }),
    );
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/login\?next=%2Fdashboard$/);
    const refused = await page.request.get("/api/kt/v1/me");
    expect(refused.status()).toBe(401);
  });
});
