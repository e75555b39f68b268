import { parsePatch } from "diff";

type TUnifiedDiffProps = { diff: string; caption: string };

/**
 * A unified diff as a two-gutter table (old and new line numbers), added lines green and removed red, with
 * "+"/"−" kept in the text so the change does not rely on colour alone.
 */
export function UnifiedDiff({ diff, caption }: TUnifiedDiffProps) {
  const hunks = parsePatch(diff).flatMap((p) => p.hunks);
  if (hunks.length === 0) return <p className="field-hint">No differences.</p>;
  return (
    <div className="diff-wrap">
      <table className="diff">
        <caption className="visually-hidden">{caption}</caption>
        <thead className="visually-hidden">
          <tr>
            <th scope="col">Old line</th>
            <th scope="col">New line</th>
            <th scope="col">Content</th>
          </tr>
        </thead>
        {hunks.map((hunk) => {
          let oldLine = hunk.oldStart;
          let newLine = hunk.newStart;
          const header = `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`;
          return (
            <tbody key={header}>
              <tr className="diff-hunk">
                <td colSpan={3}>{header}</td>
              </tr>
              {hunk.lines.map((line, i) => {
                const kind = line[0] === "+" ? "add" : line[0] === "-" ? "del" : "ctx";
                if (line[0] === "\\") return null;
                const o = kind === "add" ? "" : oldLine++;
                const n = kind === "del" ? "" : newLine++;
                return (
                  <tr key={i} className={`diff-${kind}`}>
                    <td className="diff-num">{o}</td>
                    <td className="diff-num">{n}</td>
                    <td className="diff-text">
                      <span aria-hidden="true">{kind === "add" ? "+ " : kind === "del" ? "− " : "  "}</span>
                      <span className="visually-hidden">
                        {kind === "add" ? "added: " : kind === "del" ? "removed: " : ""}
                      </span>
                      {line.slice(1)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
