import { test as setup } from "@playwright/test";
import { ROLES } from "@kt/contract";
import { signInAndStore } from "../support/auth";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAndStore(page, role);
  });
}
