import type { Text } from "@codemirror/state";
import type { Diagnostic } from "@codemirror/lint";
import { parsePolicyConfig, type TLintIssue } from "@kt/contract";

/** The linter's 1-based line/column as a document range covering the rest of that line (at least one character). */
export function issueRange(
  doc: Text,
  issue: Pick<TLintIssue, "line" | "column">,
): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(issue.line, 1), doc.lines));
  const from = Math.min(line.from + Math.max(issue.column - 1, 0), line.to);
  const to = line.to > from ? line.to : Math.min(from + 1, doc.length);
  return { from, to };
}

/** CodeMirror diagnostics from the same parser the API and CLI use, so the editor and `kt policy lint` agree. */
export function policyDiagnostics(doc: Text): Diagnostic[] {
  return parsePolicyConfig(doc.toString()).issues.map((issue) => ({
    ...issueRange(doc, issue),
    severity: issue.severity,
    source: issue.code,
    message: issue.hint ? `${issue.message} (${issue.hint})` : issue.message,
  }));
}
