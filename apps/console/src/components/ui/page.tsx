import type { ReactNode } from "react";

type TPageProps = { title: string; description?: ReactNode; actions?: ReactNode; children: ReactNode };

/** A view's frame: its one h1, a line saying what the view is for, and its primary actions. */
export function Page({ title, description, actions, children }: TPageProps) {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {description ? <p className="page-description">{description}</p> : null}
        </div>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </div>
  );
}
