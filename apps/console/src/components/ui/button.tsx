import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type TVariant = "primary" | "secondary" | "danger" | "ghost";
type TSize = "md" | "sm";

function classes(variant: TVariant, size: TSize, extra?: string): string {
  return ["btn", `btn-${variant}`, size === "sm" ? "btn-sm" : "", extra ?? ""].filter(Boolean).join(" ");
}

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: TVariant; size?: TSize };

export function Button({
  variant = "secondary",
  size = "md",
  className,
  type = "button",
  ...rest
}: TButtonProps) {
  return <button type={type} className={classes(variant, size, className)} {...rest} />;
}

type TButtonLinkProps = { href: string; variant?: TVariant; size?: TSize; children: ReactNode };

/** A link that looks like a button, for actions that navigate. */
export function ButtonLink({ href, variant = "secondary", size = "md", children }: TButtonLinkProps) {
  return (
    <Link href={href} className={classes(variant, size)}>
      {children}
    </Link>
  );
}
