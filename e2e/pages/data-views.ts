import { expect, type Locator, type Page } from "@playwright/test";

/** The Events view: filters, the table, paging and the detail drawer. */
export class EventsPage {
  readonly filters: Locator;
  readonly drawer: Locator;

  constructor(private readonly page: Page) {
    this.filters = page.getByRole("form", { name: "Event filters" });
    this.drawer = page.getByRole("dialog", { name: "Event details" });
  }

  async filterBy(values: { action?: string; user?: string; range?: string }): Promise<void> {
    if (values.range) await this.filters.getByLabel("Time range").selectOption(values.range);
    if (values.action) {
      await this.filters.getByLabel("Action").selectOption(values.action);
      await expect(this.page).toHaveURL(new RegExp(`action=${values.action}`));
    }
    if (values.user) {
      await this.filters.getByLabel("User").fill(values.user);
      await this.filters.getByLabel("User").press("Enter");
    }
    await expect(this.page.getByTestId("events-ready")).toBeVisible();
  }

  rows(): Locator {
    return this.page.getByTestId("events-ready").locator("tbody tr");
  }

  async openFirst(): Promise<void> {
    await this.page.getByTestId("event-open").first().click();
    await expect(this.drawer.getByTestId("event-details")).toBeVisible();
  }
}

/** The Cost Center: budgets, forecast, unknown prices and the cost export. */
export class CostCenterPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/cost-center");
    await expect(this.page.getByRole("heading", { level: 1, name: "Cost Center" })).toBeVisible();
    await expect(this.page.getByTestId("budgets-ready")).toBeVisible();
    await expect(this.page.getByTestId("chart-spend-over-time")).toBeVisible();
  }

  exportButton(): Locator {
    return this.page.getByRole("button", { name: "Export costs (CSV)" });
  }
}
