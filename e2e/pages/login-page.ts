import { expect, type Locator, type Page, type Response } from "@playwright/test";

/** The Console's sign-in page, driven from the keyboard as a user without a mouse would. */
export class LoginPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;

  constructor(private readonly page: Page) {
    this.email = page.getByLabel("Email");
    this.password = page.getByLabel("Password");
    this.submit = page.getByRole("button", { name: "Sign in" });
    this.error = page.getByTestId("login-error");
  }

  async goto(next?: string): Promise<void> {
    await this.page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
    await expect(this.page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }

  /** Types the credentials (email has focus on load, Tab moves to password), presses Enter, returns the answer. */
  async signIn(email: string, password: string): Promise<Response> {
    await expect(this.email).toBeFocused();
    await this.page.keyboard.type(email);
    await this.page.keyboard.press("Tab");
    await expect(this.password).toBeFocused();
    await this.page.keyboard.type(password);
    const answer = this.page.waitForResponse(
      (r) => r.url().endsWith("/api/session") && r.request().method() === "POST",
    );
    await this.page.keyboard.press("Enter");
    return answer;
  }
}
