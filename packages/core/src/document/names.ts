// Names unique within a document (section anchors, table file names): internal to the
// document builder and its helpers, not exported by the package.

/** `base`, or `base-2`, `base-3` … when `taken` has it. */
export function unusedName(base: string, taken: ReadonlySet<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  return name;
}
