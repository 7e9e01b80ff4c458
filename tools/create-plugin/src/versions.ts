// The versions a plugin made outside this repository depends on: the packages of this
// repository it is released with, and the tools its package builds and tests with. A test
// checks them against the packages' own package.json, so a release cannot forget them.

/** Versions written into a standalone plugin's package.json (as `^x.y.z` for this repository's packages). */
export const VERSIONS = {
  core: '0.1.0',
  model: '5.1.0',
  cli: '0.1.0',
  ioTs: '2.2.22',
  typescript: '5.9.3',
  vitest: '4.1.12',
  typesNode: '^20.19.0',
} as const;
