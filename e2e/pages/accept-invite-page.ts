import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** The public page an invite link opens: `/accept-invite#token=…`. */
export class AcceptInvitePage {
  readonly role: Locator;
  readonly email: Locator;
  readonly name: Locator;
  readonly newPassword: Locator;
  readonly currentPassword: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.role = page.getByTestId("invite-role");
    this.email = page.getByTestId("invite-email");
    this.name = page.getByLabel("Your name");
    this.newPassword = page.getByLabel("Choose a password");
    this.currentPassword = page.getByLabel("Current password");
    this.error = page.getByTestId("invite-error");
  }

  /** Opens the link the API answered, on the Console the test runs against (same path and fragment). */
  async open(acceptUrl: string): Promise<void> {
    const url = new URL(acceptUrl);
    expect(url.pathname).toBe("/accept-invite");
    await this.page.goto(`${url.pathname}${url.hash}`);
  }

  heading(orgName: string): Locator {
    return this.page.getByRole("heading", { level: 1, name: `Join ${orgName}` });
  }

  /** Presses the join button and returns the accept call's answer. */
  async join(orgName: string): Promise<Response> {
    const answer = this.page.waitForResponse(
      (r) => r.url().endsWith("/api/invite/accept") && r.request().method() === "POST",
    );
    await this.page.getByRole("button", { name: `Join ${orgName}` }).click();
    return answer;
  }
}
