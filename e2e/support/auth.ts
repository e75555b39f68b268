import { resolve } from "node:path";
import { expect, type Page } from "@playwright/test";
import type { TRole } from "@kt/contract";
import { LoginPage } from "../pages/login-page";
import { Shell } from "../pages/shell";
import { demoUser } from "./demo";

const AUTH_DIR = resolve(__dirname, "../.auth");

/** Where a role's signed-in browser state (the httpOnly session cookie) is kept between tests. */
export function storageStateFor(role: TRole): string {
  return resolve(AUTH_DIR, `${role}.json`);
}

/** Signs in as the demo user of `role` through the log-in page and waits for the shell. */
export async function signInAs(page: Page, role: TRole): Promise<void> {
  const user = demoUser(role);
  const login = new LoginPage(page);
  await login.goto();
  const answer = await login.signIn(user.email, user.password);
  expect(answer.status(), `log-in of ${user.email} answered ${answer.status()}`).toBe(200);
  await expect(page).toHaveURL(/\/dashboard$/);
  await new Shell(page).expectSignedInAs(role);
}

/** Signs in and stores the state, so journeys can start signed in with `test.use({ storageState })`. */
export async function signInAndStore(page: Page, role: TRole): Promise<void> {
  await signInAs(page, role);
  await page.context().storageState({ path: storageStateFor(role) });
}
