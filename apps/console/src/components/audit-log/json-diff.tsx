import { createTwoFilesPatch } from "diff";
import { UnifiedDiff } from "../admin/unified-diff";

const pretty = (v: unknown) => (v === null || v === undefined ? "" : `${JSON.stringify(v, null, 2)}\n`);

/** Before and after of an audited change as a line diff of their pretty-printed JSON. */
export function JsonDiff({ before, after, caption }: { before: unknown; after: unknown; caption: string }) {
  const patch = createTwoFilesPatch("before", "after", pretty(before), pretty(after), "", "", { context: 3 });
  return <UnifiedDiff diff={patch} caption={caption} />;
}
