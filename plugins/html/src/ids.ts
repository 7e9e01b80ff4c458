// Element ids for one page: unique even when the report reuses an id across kinds of
// things (a section and a table), and stable for the same input.
/** Hands out unique ids. */
export interface IdAllocator {
  /** `base`, or `base-2`, `base-3` … when taken. */
  unique(base: string): string;
}

/** Creates an allocator with some ids reserved for the page frame. */
export function createIds(reserved: readonly string[] = []): IdAllocator {
  const taken = new Set(reserved);
  return {
    unique(base) {
      const clean = base.replace(/[^\p{L}\p{N}_-]+/gu, '-') || 'x';
      let id = clean;
      for (let n = 2; taken.has(id); n++) id = `${clean}-${n}`;
      taken.add(id);
      return id;
    },
  };
}
