import { createDb } from "@kt/db";
import { loadEnv } from "../config/env";
import { seedDemo } from "./demo.scenario";
import { seedLoadEvents } from "./load-events.scenario";

/**
 * `node dist/seed/main.js <scenario>`: named seed scenarios for local work and benchmarks.
 * Prints the scenario's result as JSON on stdout.
 */
const SCENARIOS: Record<string, (db: ReturnType<typeof createDb>, args: string[]) => Promise<unknown>> = {
  demo: (db) => {
    const password = process.env.KT_DEMO_PASSWORD;
    if (!password || password.length < 10) throw new Error("KT_DEMO_PASSWORD must be set (10+ characters)");
    return seedDemo(db, password);
  },
  "load-1m-events": (db, args) => seedLoadEvents(db, args),
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const scenario = name ? SCENARIOS[name] : undefined;
  if (!scenario) {
    console.error(`usage: seed <scenario>; scenarios: ${Object.keys(SCENARIOS).join(", ")}`);
    process.exit(2);
  }
  const env = loadEnv();
  const db = createDb({ url: env.DATABASE_URL, max: 4 });
  try {
    process.stdout.write(`${JSON.stringify(await scenario(db, args))}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((e: Error) => {
  console.error(e.message);
  process.exit(1);
});
