import { formatBucket } from "@/lib/chart-format";
import type { TPivot, TPivotRow } from "@/lib/pivot";
import { Table, type TColumn } from "../ui/table";

type TPivotTableProps = {
  caption: string;
  pivot: TPivot;
  bucket: "hour" | "day";
  formatValue: (n: number) => string;
};

/** The numbers behind a stacked chart: one row per bucket, a column per series and the total. */
export function PivotTable({ caption, pivot, bucket, formatValue }: TPivotTableProps) {
  const columns: TColumn<TPivotRow>[] = [
    { key: "ts", header: bucket === "hour" ? "Hour" : "Day (UTC)", cell: (r) => formatBucket(r.ts, bucket) },
    ...pivot.series.map((s) => ({ key: s, header: s, numeric: true, cell: (r: TPivotRow) => formatValue(Number(r[s] ?? 0)) })),
    {
      key: "__total",
      header: "Total",
      numeric: true,
      cell: (r) => formatValue(pivot.series.reduce((sum, s) => sum + Number(r[s] ?? 0), 0)),
    },
  ];
  return <Table caption={caption} columns={columns} rows={pivot.rows} rowKey={(r) => r.ts} />;
}
