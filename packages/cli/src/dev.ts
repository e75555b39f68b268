// Runs `kt` from its TypeScript sources, for tests and development:
//   node --conditions=source --import tsx packages/cli/src/dev.ts doctor
import { main } from "./index";

void main(process.argv);
