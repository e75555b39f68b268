"use client";
import { Check, Copy, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Button } from "../ui/button";

type TSecretOnceProps = {
  /** What the secret is, e.g. "Gateway key secret". */
  label: string;
  value: string;
  /** Where it goes, shown under the warning. */
  hint?: string;
};

/** A secret the API shows once: the value, a copy button and a warning that it will not be shown again. */
export function SecretOnce({ label, value, hint }: TSecretOnceProps) {
  return (
    <div className="secret-once" data-testid="secret-once">
      <p className="secret-once-warning" role="note">
        <TriangleAlert aria-hidden="true" size={18} />
        <span>
          <strong>Copy it now: it will not be shown again.</strong> kt stores only a hash. {hint}
        </span>
      </p>
      <CopyableCode label={label} value={value} />
    </div>
  );
}

/** A value in monospace with a copy button; the button says when it copied. */
export function CopyableCode({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await navigator.clipboard.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <div className="copyable">
      <span className="copyable-label">{label}</span>
      <code className="copyable-value" data-testid="copyable-value">
        {value}
      </code>
      <Button size="sm" onClick={copy}>
        {copied ? <Check aria-hidden="true" size={16} /> : <Copy aria-hidden="true" size={16} />}
        {copied ? "Copied" : "Copy"}
        <span className="visually-hidden"> {label.toLowerCase()}</span>
      </Button>
      <span className="visually-hidden" aria-live="polite">
        {copied ? `${label} copied to the clipboard` : ""}
      </span>
    </div>
  );
}
