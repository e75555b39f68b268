"use client";
import dynamic from "next/dynamic";
import { ChartLoading } from "./chart-loading";

/** recharts loads after the page renders its numbers: it is the largest part of a data view's script. */
export const StackedBars = dynamic(() => import("./stacked-bars").then((m) => m.StackedBars), {
  ssr: false,
  loading: ChartLoading,
});
