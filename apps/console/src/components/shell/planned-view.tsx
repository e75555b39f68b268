"use client";
import { can, type TPermission } from "@kt/contract";
import type { ReactNode } from "react";
import { ButtonLink } from "../ui/button";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { Page } from "../ui/page";
import { RequirePermission } from "./require-permission";
import { useSession } from "./session-context";

export type TNextAction = { href: string; label: string; permission: TPermission };

type TPlannedViewProps = {
  title: string;
  description: string;
  permission: TPermission;
  icon: ReactNode;
  emptyTitle: string;
  /** What this view will show, in the words of the person who will use it. */
  emptyBody: ReactNode;
  /** Actions in order of preference; the first the caller's role may take is offered. */
  actions?: readonly TNextAction[];
};

/** A view whose data panels are still to come: heading, purpose and the next useful step for this role. */
export function PlannedView(props: TPlannedViewProps) {
  return (
    <Page title={props.title} description={props.description}>
      <RequirePermission permission={props.permission}>
        <Card>
          <EmptyState
            icon={props.icon}
            title={props.emptyTitle}
            action={<FirstAllowed actions={props.actions ?? []} />}
          >
            {props.emptyBody}
          </EmptyState>
        </Card>
      </RequirePermission>
    </Page>
  );
}

function FirstAllowed({ actions }: { actions: readonly TNextAction[] }) {
  const { role } = useSession();
  const allowed = actions.find((a) => can(role, a.permission));
  if (!allowed) return null;
  return (
    <ButtonLink href={allowed.href} variant="primary">
      {allowed.label}
    </ButtonLink>
  );
}
