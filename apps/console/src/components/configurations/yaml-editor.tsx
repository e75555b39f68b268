"use client";
import { yaml } from "@codemirror/lang-yaml";
import { lintGutter, linter } from "@codemirror/lint";
import { EditorView } from "@codemirror/view";
import CodeMirror, { type ReactCodeMirrorRef } from "@uiw/react-codemirror";
import { forwardRef, useMemo } from "react";
import { policyDiagnostics } from "./yaml-lint";

type TYamlEditorProps = {
  value: string;
  onChange: (value: string) => void;
  label: string;
  readOnly?: boolean;
};

/** CodeMirror 6 with YAML highlighting and the policy linter: errors are underlined on their line as you type. */
export const YamlEditor = forwardRef<ReactCodeMirrorRef, TYamlEditorProps>(function YamlEditor(props, ref) {
  const extensions = useMemo(
    () => [
      yaml(),
      linter((view) => policyDiagnostics(view.state.doc), { delay: 250 }),
      lintGutter(),
      EditorView.contentAttributes.of({ "aria-label": props.label }),
      EditorView.lineWrapping,
    ],
    [props.label],
  );
  return (
    <div className="yaml-editor" data-testid="yaml-editor">
      <CodeMirror
        ref={ref}
        value={props.value}
        onChange={props.onChange}
        extensions={extensions}
        readOnly={props.readOnly}
        minHeight="320px"
        basicSetup={{ foldGutter: false, highlightActiveLine: true, autocompletion: false }}
      />
    </div>
  );
});
