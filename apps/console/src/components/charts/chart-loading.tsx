/** Holds the chart's place while recharts loads after the numbers (it is split out of the first bundle). */
export function ChartLoading() {
  return (
    <div className="chart-loading" role="status">
      <span className="visually-hidden">Drawing the chart…</span>
    </div>
  );
}
