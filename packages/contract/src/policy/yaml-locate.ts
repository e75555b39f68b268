import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { TPathSegment } from "./lint-issue";

export type TPosition = { line: number; column: number };

/** Finds 1-based line/column of paths in a parsed YAML document. */
export type TLocator = {
  /** Position of the value at `path`, or of the deepest ancestor that exists. */
  value(path: readonly TPathSegment[]): TPosition;
  /** Position of the key of the last segment (for unknown or duplicate keys). */
  key(path: readonly TPathSegment[]): TPosition;
  offset(offset: number): TPosition;
};

type TFound = { node: Node | null; keyNode: Node | null; complete: boolean };

function keyMatches(key: unknown, seg: TPathSegment): boolean {
  if (isScalar(key)) return String(key.value) === String(seg);
  return false;
}

function walk(root: Node | null, path: readonly TPathSegment[]): TFound {
  let node: Node | null = root;
  let keyNode: Node | null = null;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyMatches(p.key, seg));
      if (!pair) return { node, keyNode, complete: false };
      keyNode = (pair.key as Node | null) ?? null;
      // `key:` with nothing after it has no value node: point at the key.
      node = (pair.value as Node | null) ?? keyNode;
      continue;
    }
    if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg] as Node | undefined;
      if (!item) return { node, keyNode, complete: false };
      keyNode = null;
      node = item;
      continue;
    }
    return { node, keyNode, complete: false };
  }
  return { node, keyNode, complete: true };
}

export function createLocator(doc: Document, lineCounter: LineCounter): TLocator {
  const offset = (o: number): TPosition => {
    const { line, col } = lineCounter.linePos(Math.max(0, o));
    return { line: Math.max(1, line), column: Math.max(1, col) };
  };
  const start = (node: Node | null): TPosition => offset(node?.range?.[0] ?? 0);
  return {
    offset,
    value: (path) => start(walk(doc.contents as Node | null, path).node),
    key: (path) => {
      const found = walk(doc.contents as Node | null, path);
      return start(found.complete ? (found.keyNode ?? found.node) : found.node);
    },
  };
}
