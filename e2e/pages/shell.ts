import { expect, type Locator, type Page } from "@playwright/test";

/** The signed-in frame: header (org, user, role, sign-out) and the sidebar. */
export class Shell {
  readonly orgName: Locator;
  readonly userRole: Locator;
  readonly signOutButton: Locator;
  readonly mainNav: Locator;
  readonly settingsNav: Locator;

  constructor(private readonly page: Page) {
    this.orgName = page.getByTestId("org-name");
    this.userRole = page.getByTestId("user-role");
    this.signOutButton = page.getByRole("button", { name: "Sign out" });
    this.mainNav = page.getByRole("navigation", { name: "Main" });
    this.settingsNav = page.getByRole("navigation", { name: "Settings" });
  }

  navLink(label: string): Locator {
    return this.mainNav.getByRole("link", { name: label, exact: true });
  }

  async expectSignedInAs(role: string): Promise<void> {
    await expect(this.userRole).toHaveAttribute("data-role", role);
    await expect(this.signOutButton).toBeVisible();
  }

  async open(label: string): Promise<void> {
    await this.navLink(label).click();
    await expect(this.page.getByRole("heading", { level: 1, name: label })).toBeVisible();
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await expect(this.page).toHaveURL(/\/login/);
  }
}
