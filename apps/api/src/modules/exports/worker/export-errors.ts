import { ZodError } from "zod";

/** A failure no retry can fix (a corrupt row, a statement PostgreSQL rejects). */
export class PermanentExportError extends Error {}

/** Another run owns the job now (this worker was presumed dead), or the job was cancelled: stop quietly. */
export class SupersededError extends Error {
  constructor() {
    super("another run took over this export");
  }
}

/** SQLSTATE classes that mean the statement itself is wrong: data exceptions (22) and syntax or access (42). */
const PERMANENT_SQLSTATE = /^(22|42)/;

export function isPermanent(error: unknown): boolean {
  if (error instanceof PermanentExportError || error instanceof ZodError) return true;
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" && code.length === 5 && PERMANENT_SQLSTATE.test(code);
}

/** The reason shown to users: one line, no stack. */
export function describeError(error: unknown): string {
  if (error instanceof ZodError) return `the export's stored settings are invalid: ${error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`;
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].slice(0, 500) || "unknown error";
}
