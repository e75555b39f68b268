import { loadEnv } from "./config/env";
import { createApp } from "./create-app";

async function main() {
  const env = loadEnv();
  const app = await createApp(env);
  await app.listen(env.PORT, env.HOST);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
