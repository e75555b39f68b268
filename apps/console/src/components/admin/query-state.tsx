"use client";
import "./admin.css";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ErrorState } from "../ui/error-state";
import { Skeleton } from "../ui/skeleton";

type TQueryStateProps<T> = {
  query: UseQueryResult<T>;
  /** What is loading, for screen readers ("Loading gateways"). */
  loadingLabel: string;
  errorTitle?: string;
  children: (data: T) => ReactNode;
};

/** Loading and error states of a query, so each view only writes its empty and data states. */
export function QueryState<T>({ query, loadingLabel, errorTitle, children }: TQueryStateProps<T>) {
  if (query.isPending) return <Skeleton label={loadingLabel} />;
  if (query.isError)
    return <ErrorState error={query.error} title={errorTitle} onRetry={() => void query.refetch()} />;
  return <>{children(query.data)}</>;
}
