import { expect, test } from "@playwright/test";
import { ZApiError, ZCreatedInvite, ZMe, ZSession } from "@kt/contract";
import { AcceptInvitePage } from "../pages/accept-invite-page";
import { Shell } from "../pages/shell";
import { expectNoSeriousA11yIssues } from "../support/a11y";
import { KtApi } from "../support/admin-api";
import { apiUrl } from "../support/demo";
import { recordOutsideRequests } from "../support/outside-requests";
import { saveScreenshot } from "../support/screenshots";

const uniqueEmail = (who: string) => `${who}-${Date.now().toString(36)}@invitee.kt.example`;

test.describe("invite acceptance", () => {
  test("an invited finance member sets a password and lands signed in with that role", async ({
    page,
    baseURL,
  }) => {
    const outside = recordOutsideRequests(page, baseURL!);
    const admin = await KtApi.as("admin");
    const me = ZMe.parse(await admin.ok("GET", "/v1/me"));
    const email = uniqueEmail("fiona");
    const created = ZCreatedInvite.parse(
      await admin.ok("POST", "/v1/invites", { email, name: "Fiona Finance", role: "finance" }),
    );

    const invite = new AcceptInvitePage(page);
    await invite.open(created.acceptUrl);
    await expect(invite.heading(me.org.name)).toBeVisible();
    await expect(invite.role).toHaveText("Finance");
    await expect(invite.email).toHaveText(email);
    // The token leaves the address bar once read, so it is not copied along with the URL or kept in history.
    expect(page.url()).not.toContain(created.token);
    await expectNoSeriousA11yIssues(page);
    await saveScreenshot(page, "invite-accept");

    await invite.name.fill("Fiona F.");
    await invite.newPassword.fill("a-long-enough-password");
    expect((await invite.join(me.org.name)).status()).toBe(200);

    await expect(page).toHaveURL(/\/dashboard$/);
    await new Shell(page).expectSignedInAs("finance");
    const signedIn = ZMe.parse(await (await page.request.get("/api/kt/v1/me")).json());
    expect(signedIn).toMatchObject({
      role: "finance",
      user: { email, name: "Fiona F." },
      org: { id: me.org.id },
    });
    await saveScreenshot(page, "invite-accepted-dashboard");

    // The link works once; opening it again shows the API's refusal as written.
    await page.context().clearCookies();
    await invite.open(created.acceptUrl);
    await expect(
      page.getByRole("alert").filter({ hasText: "This invite was already accepted; sign in instead" }),
    ).toBeVisible();
    expect(outside, "requests to hosts other than the Console").toEqual([]);
  });

  test("someone with an account elsewhere proves it with their current password", async ({ page }) => {
    const email = uniqueEmail("omar");
    const password = "omars-own-password";
    const signup = await fetch(`${apiUrl()}/v1/auth/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ orgName: "Omar's Side Project", name: "Omar", email, password }),
    });
    expect(signup.status, await signup.clone().text()).toBeLessThan(300);
    const own = ZSession.parse(await signup.json());

    const admin = await KtApi.as("admin");
    const me = ZMe.parse(await admin.ok("GET", "/v1/me"));
    const created = ZCreatedInvite.parse(
      await admin.ok("POST", "/v1/invites", { email, name: "Omar", role: "viewer" }),
    );

    const invite = new AcceptInvitePage(page);
    await invite.open(created.acceptUrl);
    await expect(invite.heading(me.org.name)).toBeVisible();
    await expect(invite.name).toHaveCount(0);

    await invite.currentPassword.fill("not-omars-password");
    const refused = await invite.join(me.org.name);
    expect(refused.status()).toBe(401);
    const body = ZApiError.parse(await refused.json());
    await expect(invite.error).toHaveText(body.error.message);
    await expect(page).toHaveURL(/\/accept-invite$/);

    await invite.currentPassword.fill(password);
    expect((await invite.join(me.org.name)).status()).toBe(200);
    await expect(page).toHaveURL(/\/dashboard$/);
    await new Shell(page).expectSignedInAs("viewer");
    // Signed in to the org that invited them, not to their own older org.
    const signedIn = ZMe.parse(await (await page.request.get("/api/kt/v1/me")).json());
    expect(signedIn.org.id).toBe(me.org.id);
    expect(signedIn.org.id).not.toBe(own.org.id);
  });

  test("a link without a token says what to do", async ({ page }) => {
    await page.goto("/accept-invite");
    await expect(
      page.getByRole("alert").filter({ hasText: "Open the full link from your invite email" }),
    ).toBeVisible();
    await expectNoSeriousA11yIssues(page);
  });
});
