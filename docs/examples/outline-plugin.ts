// A whole plugin: the `outline` format writes the title and every heading of a report,
// indented by level, as one text file. Step 1 of docs/plugins.md.
import * as t from 'io-ts';
import { NonEmptyString, strict } from '@kommunrapport/model';
import { definePlugin, walkSections, withDefaults } from '@kommunrapport/core';

/** The options: what file to write and how far to indent. Every option has a default. */
export const OutlineOptions = withDefaults(
  strict('OutlineOptions', 'Options of the outline plugin.', {}, { file: NonEmptyString, indent: t.number }),
  { file: 'outline.txt', indent: 2 },
);
export type OutlineOptions = t.TypeOf<typeof OutlineOptions>;

export default definePlugin({
  name: 'outline',
  formats: ['outline'],
  options: OutlineOptions,
  render(_report, ctx) {
    // The same document every format serialises, built once per report by the core.
    const doc = ctx.document;
    const lines = [doc.title];
    for (const section of walkSections(doc.sections)) {
      lines.push(' '.repeat((section.level - 2) * ctx.options.indent) + section.title);
    }
    // Return artifacts; never write files yourself.
    return [{ path: ctx.options.file, contents: `${lines.join('\n')}\n`, mediaType: 'text/plain; charset=utf-8' }];
  },
});
