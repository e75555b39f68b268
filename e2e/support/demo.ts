import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { ZRole, type TRole } from "@kt/contract";
import { z } from "zod";

/** `.kt/demo.json`, written by `npm run demo`: where the stack runs and who can sign in. */
const ZDemoUser = z.union([
  z.string(),
  z.object({ email: z.string(), role: ZRole.optional(), password: z.string().optional() }),
]);
const ZDemoFile = z.object({
  console: z.string().optional(),
  api: z.string().optional(),
  password: z.string().optional(),
  users: z.array(ZDemoUser).optional(),
  apiToken: z.string().optional(),
});
export type TDemoFile = z.infer<typeof ZDemoFile>;

export type TDemoUser = { email: string; role: TRole; password: string };

export const DEMO_FILE = process.env.KT_DEMO_FILE ?? resolve(__dirname, "../../.kt/demo.json");
const DEFAULT_EMAILS = ["admin@demo.kt", "manager@demo.kt", "finance@demo.kt", "viewer@demo.kt"];

let cached: TDemoFile | undefined;

export function demoFile(): TDemoFile {
  if (cached) return cached;
  cached = existsSync(DEMO_FILE) ? ZDemoFile.parse(JSON.parse(readFileSync(DEMO_FILE, "utf8"))) : {};
  return cached;
}

export function consoleUrl(): string {
  return process.env.KT_CONSOLE_URL ?? demoFile().console ?? "http://127.0.0.1:3000";
}

export function apiUrl(): string {
  return process.env.KT_API_URL ?? demoFile().api ?? "http://127.0.0.1:4000";
}

function demoPassword(): string {
  const password = process.env.KT_DEMO_PASSWORD ?? demoFile().password;
  if (!password) {
    throw new Error(
      `No demo password: set KT_DEMO_PASSWORD or run \`npm run demo\` so that ${DEMO_FILE} exists.`,
    );
  }
  return password;
}

/** The demo org's users, one per role; a user's role comes from demo.json or else its address (admin@…). */
export function demoUsers(): TDemoUser[] {
  const listed = demoFile().users ?? DEFAULT_EMAILS;
  return listed.map((entry) => {
    const user = typeof entry === "string" ? { email: entry } : entry;
    const role = "role" in user && user.role ? user.role : ZRole.parse(user.email.split("@")[0]);
    const password = "password" in user && user.password ? user.password : demoPassword();
    return { email: user.email, role, password };
  });
}

export function demoUser(role: TRole): TDemoUser {
  const user = demoUsers().find((u) => u.role === role);
  if (!user) throw new Error(`The demo has no ${role} user (see ${DEMO_FILE}).`);
  return user;
}
