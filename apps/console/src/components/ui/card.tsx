import type { ReactNode } from "react";

type TCardProps = { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string };

export function Card({ title, actions, children, className }: TCardProps) {
  return (
    <section className={`card${className ? ` ${className}` : ""}`}>
      {title || actions ? (
        <div className="card-header">
          {title ? <h2>{title}</h2> : <span />}
          {actions}
        </div>
      ) : null}
      <div className="card-body">{children}</div>
    </section>
  );
}
