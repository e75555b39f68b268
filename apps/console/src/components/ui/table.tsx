import type { Key, ReactNode } from "react";

export type TColumn<Row> = {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Numbers align right with tabular figures so columns can be compared at a glance. */
  numeric?: boolean;
};

type TTableProps<Row> = {
  /** Says what the table lists; visible, and the table's accessible name. */
  caption: string;
  columns: readonly TColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => Key;
  onRowClick?: (row: Row) => void;
};

export function Table<Row>({ caption, columns, rows, rowKey, onRowClick }: TTableProps<Row>) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={c.numeric ? "num" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={rowKey(row)}
              onClick={onRowClick ? () => onRowClick(row) : undefined}
              style={onRowClick ? { cursor: "pointer" } : undefined}
            >
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? "num" : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
