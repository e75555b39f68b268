"use client";
import type { TLintIssue } from "@kt/contract";
import { CircleAlert, TriangleAlert } from "lucide-react";

type TLintIssuesProps = { issues: readonly TLintIssue[]; onJump?: (issue: TLintIssue) => void };

/** The linter's findings as a list under the editor: line, message and how to fix it; each jumps to its line. */
export function LintIssues({ issues, onJump }: TLintIssuesProps) {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return (
    <div aria-live="polite" data-testid="lint-summary">
      <p className={errors ? "field-error" : "field-hint"}>
        {issues.length === 0
          ? "No problems found."
          : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`}
      </p>
      {issues.length > 0 ? (
        <ul className="lint-list">
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.severity === "error" ? (
                <CircleAlert aria-label="Error" size={14} color="#b91c1c" />
              ) : (
                <TriangleAlert aria-label="Warning" size={14} color="#854d0e" />
              )}{" "}
              <button type="button" onClick={() => onJump?.(issue)}>
                Line {issue.line}, column {issue.column}
              </button>
              : {issue.message} {issue.hint ? <span className="muted">({issue.hint})</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
