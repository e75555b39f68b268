import type { ReactNode } from "react";

type TEmptyStateProps = {
  icon?: ReactNode;
  title: string;
  /** What will appear here and why it is empty now. */
  children: ReactNode;
  /** The next useful step, usually a ButtonLink. */
  action?: ReactNode;
};

export function EmptyState({ icon, title, children, action }: TEmptyStateProps) {
  return (
    <div className="empty-state">
      {icon ? (
        <span className="empty-state-icon" aria-hidden="true">
          {icon}
        </span>
      ) : null}
      <h2>{title}</h2>
      <p>{children}</p>
      {action}
    </div>
  );
}
