"use client";
import { useState } from "react";
import { useGetPolicyConfig } from "@/hooks/use-list-policy-configs";
import { QueryState } from "../admin/query-state";
import { RequirePermission } from "../shell/require-permission";
import { ButtonLink } from "../ui/button";
import { Page } from "../ui/page";
import { Time } from "../ui/time";
import { ConfigGatewaysCard } from "./config-gateways-card";
import { DiffCard } from "./diff-card";
import { SaveVersionForm } from "./save-version-form";
import { VersionsCard } from "./versions-card";

export function ConfigDetailView({ id }: { id: string }) {
  const config = useGetPolicyConfig(id);
  const [compare, setCompare] = useState<{ from: number; to: number } | null>(null);
  const data = config.data;
  const current = data?.current.number ?? 1;
  const pair = compare ?? { from: Math.max(current - 1, 1), to: current };
  return (
    <Page
      title={data ? data.name : "Configuration"}
      description={
        data ? (
          <>
            {data.description || "Policy configuration"} · v{current} in force since{" "}
            <Time value={data.current.createdAt} />
          </>
        ) : null
      }
      actions={<ButtonLink href="/configurations">All configurations</ButtonLink>}
    >
      <RequirePermission permission="configs:read">
        <QueryState query={config} loadingLabel="Loading the configuration">
          {(c) => (
            <>
              <SaveVersionForm key={c.current.id} config={c} />
              <VersionsCard config={c} onCompare={(from, to) => setCompare({ from, to })} />
              {current > 1 ? (
                <DiffCard
                  configId={c.id}
                  from={pair.from}
                  to={pair.to}
                  onChange={(from, to) => setCompare({ from, to })}
                />
              ) : null}
              <ConfigGatewaysCard configId={c.id} currentVersion={current} />
            </>
          )}
        </QueryState>
      </RequirePermission>
    </Page>
  );
}
