"use client";
import { parsePolicyConfig, type TLintIssue } from "@kt/contract";
import type { ReactCodeMirrorRef } from "@uiw/react-codemirror";
import dynamic from "next/dynamic";
import { useDeferredValue, useMemo, useRef } from "react";
import { Skeleton } from "../ui/skeleton";
import { LintIssues } from "./lint-issues";
import { issueRange } from "./yaml-lint";

// CodeMirror measures the DOM: render it in the browser only.
const YamlEditor = dynamic(() => import("./yaml-editor").then((m) => m.YamlEditor), {
  ssr: false,
  loading: () => <Skeleton lines={8} label="Loading the editor" />,
});

type TConfigEditorProps = { value: string; onChange: (v: string) => void; readOnly?: boolean };

/** The YAML editor with the lint findings listed under it; `issuesOf` lets the form block saving on errors. */
export function ConfigEditor({ value, onChange, readOnly }: TConfigEditorProps) {
  const ref = useRef<ReactCodeMirrorRef>(null);
  const deferred = useDeferredValue(value);
  const issues = useMemo(() => parsePolicyConfig(deferred).issues, [deferred]);
  const jump = (issue: TLintIssue) => {
    const view = ref.current?.view;
    if (!view) return;
    const { from } = issueRange(view.state.doc, issue);
    view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
    view.focus();
  };
  return (
    <div className="form-stack">
      <YamlEditor
        ref={ref}
        value={value}
        onChange={onChange}
        label="Policy config YAML"
        readOnly={readOnly}
      />
      <LintIssues issues={issues} onJump={jump} />
    </div>
  );
}

export function hasErrors(yaml: string): boolean {
  return parsePolicyConfig(yaml).issues.some((i) => i.severity === "error");
}
