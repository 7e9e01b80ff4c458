// Diagnostics: problems in a report's content, each with a permanent code, a severity and
// a place (file, line, column, path). The catalogue names every code of the model with its
// title, group, message function and hint (Astro's shape); core and plugins declare their
// codes in the same shape, and the troubleshooting docs are generated from all of them.

/** How serious a finding is: an error stops publishing, a warning does under --strict, info never does. */
export type Severity = 'error' | 'warning' | 'info';

/** One finding about a report, with where it is, what was expected, what was found and a hint. */
export interface Diagnostic {
  /** Permanent kebab-case code from {@link DIAGNOSTIC_CODES}, or from the `codes` of the plugin named in `plugin`. */
  code: string;
  /** The plugin that reported it, stamped by the build pipeline (as Rollup keeps `plugin` beside `pluginCode`). */
  plugin?: string;
  severity: Severity;
  /** Path in the report, e.g. `sections[5].areas[2].commitments[1].status`; empty for the whole file. */
  path: string;
  message: string;
  file?: string;
  /** 1-based line in the source file. */
  line?: number;
  /** 1-based column in the source file. */
  column?: number;
  expected?: string;
  found?: string;
  hint?: string;
}

/**
 * One entry of a catalogue of codes, in Astro's shape: a permanent code (the key), a title,
 * a message function that says what happened from the finding's data, a hint saying how to
 * fix it, and the group the docs list it under. Model, core and plugins use this one shape;
 * `meaning` is what the troubleshooting docs say about the code in general.
 */
export interface DiagnosticDefinition<Data = any> {
  /** Short title of the problem. */
  title: string;
  /** The severity a finding with this code has. */
  severity: Severity;
  /** Where the docs list it: a key of {@link DIAGNOSTIC_GROUPS}, or a plugin's name. */
  group: string;
  /** What the code means, in general (for the docs). */
  meaning: string;
  /** What happened, from the data of one finding. */
  message: (data: Data) => string;
  /** How to fix it, in general; a finding may carry a more precise hint. */
  hint: string;
}

/** The groups of the catalogue, in the order a writer meets them, with their titles in the docs. */
export const DIAGNOSTIC_GROUPS = {
  file: 'The file cannot be read',
  yaml: 'The YAML is broken',
  model: 'A key or value does not fit the model',
  figures: 'The figures do not agree',
  build: 'The build fails',
  import: 'A workbook or CSV file cannot be imported',
  kolada: 'Values cannot be fetched from Kolada',
  'open-data': 'Published open data does not validate',
} as const;

/** What an unresolved reference points at. */
export type ReferenceData =
  | { to: 'organisation'; name: string }
  | { to: 'cell'; reference: string; reason: string }
  | { to: 'column'; via: 'sameAs' | 'differenceOf' | 'columnGroups'; key: string; table: string }
  | { to: 'value-column'; row: string; key: string; table: string }
  | { to: 'row'; key: string; table: string }
  | { to: 'formula-row'; row: string; key: string; table: string }
  | { to: 'note'; row: string; key: string; table: string }
  | { to: 'revise'; id: string };

function referenceMessage(d: ReferenceData): string {
  switch (d.to) {
    case 'organisation':
      return `"${d.name}" is neither an abbreviation nor a group in organisations.`;
    case 'cell':
      return `The reference "${d.reference}" does not resolve: ${d.reason}.`;
    case 'column':
      return `${d.via} names the column "${d.key}", which table "${d.table}" does not have.`;
    case 'value-column':
      return `Row "${d.row}" has a value for column "${d.key}", which table "${d.table}" does not declare.`;
    case 'row':
      return `sumOf names the row "${d.key}", which table "${d.table}" does not have.`;
    case 'formula-row':
      return `The formula of row "${d.row}" names the row "${d.key}", which table "${d.table}" does not have.`;
    case 'note':
      return `Row "${d.row}" of table "${d.table}" refers to the note "${d.key}", which no section of notes has.`;
    case 'revise':
      return `revise: names "${d.id}", which is no id in this report.`;
  }
}

/** The catalogue of diagnostic codes of the model. Names are permanent: add codes, never rename them. */
export const DIAGNOSTIC_CODES = {
  'file-unreadable': {
    title: 'File cannot be read',
    severity: 'error',
    group: 'file',
    meaning: 'The file does not exist, is a folder, or cannot be read; the command exits with code 2.',
    message: (d: { file: string; reason: string }) => `Cannot read ${d.file}: ${d.reason}.`,
    hint: 'Check the path (relative to the current folder) and the file permissions.',
  },
  'not-a-file': {
    title: 'Not a regular file',
    severity: 'error',
    group: 'file',
    meaning: 'The path names a named pipe (FIFO), a device, a socket or another special file, which could block for ever or never end; it is not read, and the command exits with code 2.',
    message: (d: { file: string; kind: string }) => `Cannot read ${d.file}: it is ${d.kind}, not a regular file; reading it could block for ever or never end.`,
    hint: 'Give the path of the file itself; to use the output of another program, save it to a file first.',
  },
  'input-too-large': {
    title: 'File too large',
    severity: 'error',
    group: 'file',
    meaning: 'The file is larger than a report may be (10 MB), so it is not read at all; reading it could exhaust memory.',
    message: (d: { size: string; max: string }) => `The file is ${d.size}; a report may be at most ${d.max}, so it was not read.`,
    hint: 'Check that the file is the report and not an export or a data dump; a whole report is well under 1 MB.',
  },
  'file-encoding': {
    title: 'File not in UTF-8',
    severity: 'error',
    group: 'file',
    meaning: 'The file is written in another encoding (UTF-16, Latin-1, Windows-1252 …); letters such as å, ä and ö would be lost.',
    message: (d: { encoding: string } | { byte: string; line: number; column: number; latin1: boolean }) =>
      'encoding' in d
        ? `The file is written in ${d.encoding}; kommunrapport reads UTF-8 only.`
        : `The file is not UTF-8: byte ${d.byte} at line ${d.line}, column ${d.column} is not a UTF-8 character${d.latin1 ? ' (the file looks like Latin-1 or Windows-1252, where å, ä and ö are single bytes)' : ''}.`,
    hint: 'Save the file again with the encoding UTF-8 (in most editors: Save as → Encoding → UTF-8).',
  },
  'nesting-too-deep': {
    title: 'Nesting too deep',
    severity: 'error',
    group: 'yaml',
    meaning: 'Mappings and lists are nested more than 64 levels deep; a report needs about 15, and deeper input could exhaust the stack.',
    message: (d: { maxDepth: number }) => `Mappings and lists are nested more than ${d.maxDepth} levels deep here; a report needs about 15.`,
    hint: 'Look for unclosed [ or { brackets, or indentation that keeps growing, at the line given.',
  },
  'too-many-values': {
    title: 'Too many values',
    severity: 'error',
    group: 'yaml',
    meaning: 'The file holds more than 50 000 keys and values (scalars and aliases); a report holds a few thousand, and reading more could exhaust memory.',
    message: (d: { maxValues: number }) => `The file holds more than ${d.maxValues} keys and values (the first one over the limit is here); a report holds a few thousand, so it was not read further.`,
    hint: 'Check that the file is the report and not an export or a data dump; publish large data sets as open data beside the report.',
  },
  'yaml-syntax': {
    title: 'YAML syntax error',
    severity: 'error',
    group: 'yaml',
    meaning: 'The file is not valid YAML, so nothing after the error can be read.',
    message: (d: { parser: string } | { alias: string }) => ('alias' in d ? `The alias *${d.alias} refers to no anchor &${d.alias} defined before it.` : d.parser),
    hint: 'Look at the line and column given: an unclosed quote or bracket, a missing colon or a wrong indentation is the usual cause.',
  },
  'yaml-tab-indent': {
    title: 'Tab used for indentation',
    severity: 'error',
    group: 'yaml',
    meaning: 'YAML does not allow tab characters as indentation.',
    message: (d: { parser: string }) => d.parser,
    hint: 'Replace the tabs at the start of the line with spaces (two per level).',
  },
  'yaml-duplicate-key': {
    title: 'Key written twice',
    severity: 'error',
    group: 'yaml',
    meaning: 'The same key appears twice in one mapping; one of the values would be lost silently.',
    message: (d: { parser: string }) => d.parser,
    hint: 'Remove or rename one of the two keys.',
  },
  'yaml-alias-limit': {
    title: 'Too many YAML aliases',
    severity: 'error',
    group: 'yaml',
    meaning: 'The file uses so many aliases (*name) that expanding them would take unbounded memory (a "billion laughs" document).',
    message: (d: { max: number }) => `Expanding the aliases of this file would exceed ${d.max} copies.`,
    hint: 'Write the values out instead of nesting aliases of aliases.',
  },
  'yaml-tag': {
    title: 'YAML tag',
    severity: 'error',
    group: 'yaml',
    meaning: 'A value carries a YAML tag (`!foo`, `!!str`, `!!binary`, `!!python/object`). A report and its config use no tags: YAML would read the value as nothing known, as another type, or drop the tag silently, so the value is refused instead.',
    message: (d: { tag: string }) => `The tag ${d.tag} is not read: kommunrapport reads YAML without tags, so this value would not be taken as written.`,
    hint: 'Remove the tag; to keep a value as text, put it in quotes ("…") instead.',
  },
  'number-too-precise': {
    title: 'Number with more digits than can be kept',
    severity: 'error',
    group: 'yaml',
    meaning: 'A number has more significant digits than a number can keep (15 are always kept, 17 at most), so YAML would read it as another, rounded number and every output would print that one. Integers beyond 9 007 199 254 740 991 are refused as invalid-value.',
    message: (d: { written: string; read: string; digits: number }) =>
      d.digits > 15
        ? `${d.written} has ${d.digits} significant digits, more than a number can keep: it would be read as ${d.read}.`
        : `${d.written} is too small a number to be kept exactly: it would be read as ${d.read}.`,
    hint: 'Write the number with fewer decimals; where text is allowed, put it in quotes to keep every digit as text.',
  },
  'empty-file': {
    title: 'Empty file',
    severity: 'error',
    group: 'file',
    meaning: 'The file holds no YAML document, or only comments.',
    message: (_d: Record<string, never>) => 'The file holds no YAML document.',
    hint: 'Start from `kommunrapport init` or from an example report.',
  },
  'unknown-key': {
    title: 'Unknown key',
    severity: 'error',
    group: 'model',
    meaning: 'The key is not part of the model at this place; it is often a misspelling, and its value would be ignored.',
    message: (d: { key: string; suggestion?: string }) => (d.suggestion ? `Unknown key "${d.key}". Did you mean "${d.suggestion}"?` : `Unknown key "${d.key}".`),
    hint: 'Use the suggested key, or remove the key. The JSON Schema lists every key an object may have.',
  },
  'invalid-type': {
    title: 'Wrong type of value',
    severity: 'error',
    group: 'model',
    meaning: 'The value has the wrong type, e.g. text where a number or a list is expected.',
    message: (d: { expected: string; found: string }) => `Expected ${d.expected}, found ${d.found}.`,
    hint: 'Write a value of the expected type; quote text that YAML would read as a number, and do not quote numbers.',
  },
  'missing-field': {
    title: 'Required key missing',
    severity: 'error',
    group: 'model',
    meaning: 'An object lacks a key the model requires.',
    message: (d: { key: string; parent?: string } | { list: string; size: number; item: number }) =>
      'list' in d ? `The list ${d.list} needs ${d.size} items; item ${d.item} is missing.` : `Missing required key "${d.key}"${d.parent ? ` in ${d.parent}` : ''}.`,
    hint: 'Add the key with a value of the expected type.',
  },
  'invalid-value': {
    title: 'Value not allowed',
    severity: 'error',
    group: 'model',
    meaning: 'The value has the right type but is not one of the allowed values or does not have the required form (an id, a date, a kommunkod …).',
    message: (d: { key: string; expected: string } | { value: string; expected: string }) => ('key' in d ? `"${d.key}" must be ${d.expected}.` : `${d.value} is not ${d.expected}.`),
    hint: 'Write one of the values listed as expected.',
  },
  'site-colour-contrast': {
    title: 'Site colour too light or too dark to read',
    severity: 'warning',
    group: 'model',
    meaning: 'A colour of the site: block has less contrast on the white page than WCAG 2.1 asks where it is used: the primary colour is the colour of headings (text, 4.5:1, criterion 1.4.3), the accent the colour of rules (graphics, 3:1, criterion 1.4.11). HTML, PDF and DOCX then keep their own colour instead.',
    message: (d: { path: string; colour: string; ratio: string; minimum: number }) => `${d.path} ${d.colour} has ${d.ratio}:1 contrast on the white page; at least ${d.minimum}:1 is needed, so the formats keep their own colour.`,
    hint: 'Choose a darker shade of the colour (a contrast checker shows the ratio against #ffffff).',
  },
  'low-contrast': {
    title: 'Vocabulary colour too light for text',
    severity: 'warning',
    group: 'model',
    meaning: 'A step of the governance vocabulary has a colour with less than 4.5:1 contrast against the page or the light shade of tables (WCAG 2.1, 1.4.3); its symbol is drawn in the text colour instead, so the output stays readable but loses the colour. Found by validate and build alike, before any format is rendered.',
    message: (d: { scale: string; key: string; colour: string }) =>
      `governance.${d.scale} "${d.key}": colour ${d.colour} has less than 4.5:1 contrast on the page; its symbol is drawn in the text colour.`,
    hint: 'Choose a darker colour for the step in governance (at least 4.5:1 against white).',
  },
  'control-character': {
    title: 'Invisible control character',
    severity: 'error',
    group: 'model',
    meaning: 'A text or key holds an invisible control character (U+0000–U+001F except tab and line ends, U+007F–U+009F, a noncharacter or a lone surrogate); it shows as nothing and makes the HTML and XML output invalid.',
    message: (d: { inKey: boolean; character: string; position: number }) => `The ${d.inKey ? 'key' : 'text'} holds the invisible character ${d.character} at position ${d.position}; it breaks HTML and XML output.`,
    hint: 'Remove the character at the place given; it usually comes from copying text out of another program.',
  },
  'invisible-character': {
    title: 'Invisible bidi or zero-width character',
    severity: 'warning',
    group: 'model',
    meaning: 'A text holds a bidirectional override, embedding, isolate or mark, or a zero-width character: it shows as nothing and can make a text read in another order than it is stored (Trojan Source). A warning in prose, an error in a key. A build publishes the text without these characters: no output (HTML, PDF, text, DOCX, open data) holds one.',
    message: (d: { inKey: boolean; character: string; name: string; position: number }) =>
      `The ${d.inKey ? 'key' : 'text'} holds the invisible character ${d.character} (${d.name}) at position ${d.position}; it can reorder or hide what readers see (Trojan Source).`,
    hint: 'Remove the character; it usually comes from copying text out of another program or a web page.',
  },
  'link-address': {
    title: 'Link without a web address',
    severity: 'warning',
    group: 'model',
    meaning: 'A link in rich text (a summary, the text of a section, area, goal or commitment, a table\'s note …), written in Markdown or as `<a href>` in an HTML fragment (`{ html: … }`), has an address that is not https://, http:// or mailto: (a file such as "bilaga.pdf", an anchor "#mal", "javascript:" or nothing). No output can link there safely, so every format shows the link\'s words only, without a link. A title, a label or another plain value is printed as written, so `[x](y)` in it is no link and not told.',
    message: (d: { text: string; address: string }) =>
      `The link "${d.text}" leads ${d.address === '' ? 'nowhere (its address is empty)' : `to "${d.address}", not to a web address (https://, http:// or mailto:)`}; it is published as its words only, without a link.`,
    hint: 'Write the full web address, e.g. https://www.kommun.se/bilaga.pdf where the file is published, or remove the brackets (in HTML, the `<a>` tag) to keep the words without a link.',
  },
  'text-run-too-long': {
    title: 'Unbroken text too long',
    severity: 'error',
    group: 'model',
    meaning: 'A text or key holds a run of more than 2 000 characters without a space, tab or line end (LIMITS.maxRunLength). No line can hold it and laying it out costs memory out of all proportion, so the report is refused before anything is rendered; a URL that works in every browser and any compound word are shorter.',
    message: (d: { inKey: boolean; length: number; max: number; position: number }) =>
      `The ${d.inKey ? 'key' : 'text'} holds ${d.length} characters without a space from position ${d.position}; at most ${d.max} are allowed in one run.`,
    hint: 'Put spaces into the run, or move what it holds out of the report: a long address belongs in a link [words](address) of at most 2 000 characters, data belongs in a table or an attachment.',
  },
  'unknown-scale-key': {
    title: 'Not a step of the scale',
    severity: 'error',
    group: 'model',
    meaning: 'An assessment, trend, status or completion names a step that the report’s governance vocabulary does not define.',
    message: (d: { key: string; scale: string; vocabulary: string }) => `"${d.key}" is not a step of the ${d.scale} scale of the governance vocabulary "${d.vocabulary}".`,
    hint: 'Use one of the keys of that scale, or add the step to the governance vocabulary. Write null when the source does not state it.',
  },
  'duplicate-id': {
    title: 'Id used twice',
    severity: 'error',
    group: 'model',
    meaning: 'Two things of the same kind share an id; ids give stable anchors and open-data keys and must be unique.',
    // `within`: what the kind's ids are unique in ("table x"): "The row id "a" of table x …".
    message: (d: { kind: string; within?: string; id: string; first: string }) => `The ${d.kind} id "${d.id}"${d.within ? ` of ${d.within}` : ''} is already used at ${d.first}.`,
    hint: 'Give one of them another id.',
  },
  'members-not-forbund': {
    title: 'Member kommuner in a report that is not a kommunalförbund\'s',
    severity: 'warning',
    group: 'model',
    meaning: 'members lists the member kommuner of a kommunalförbund, shown on its cover and in its metadata; a report of any other level (the default is namnd) shows its kommun instead, so the list would be left out.',
    message: (d: { level: string }) => `The report lists member kommuner (members), but its level is ${d.level}, not forbund.`,
    hint: 'Write level: forbund if the report is a kommunalförbund\'s, or remove members.',
  },
  'unresolved-reference': {
    title: 'Reference does not resolve',
    severity: 'error',
    group: 'model',
    meaning: 'An abbreviation, row id, column key or table reference names something that does not exist in the report.',
    message: (d: ReferenceData) => referenceMessage(d),
    hint: 'Correct the spelling, or add the organisation, row, column or table it refers to.',
  },
  'text-not-revised': {
    title: 'Text not yet revised',
    severity: 'warning',
    group: 'model',
    meaning: "A text listed under revise: was carried over from last period's report by `kommunrapport init --from` and has not been revised for this period.",
    message: (d: { text: string }) => `The text of ${d.text} is last period's, carried over and not yet revised.`,
    hint: 'Revise the text (or confirm it as it is), then remove its id from revise:.',
  },
  'sum-mismatch': {
    title: 'Sum does not add up',
    severity: 'error',
    group: 'figures',
    meaning: 'A total or subtotal row differs from the sum of the rows it sums by more than rounding allows.',
    message: (d: { label: string; column: string; table: string; total: string; terms: string; sum: string }) =>
      `"${d.label}" in column "${d.column}" of table "${d.table}" is ${d.total}, but the ${d.terms} add up to ${d.sum}.`,
    hint: 'Check the figures against the source; correct the total, a part, or the list of rows in sumOf.',
  },
  'difference-mismatch': {
    title: 'Difference does not add up',
    severity: 'error',
    group: 'figures',
    meaning: 'A column declared as the difference of two columns (differenceOf) does not equal their difference within rounding.',
    message: (d: { label: string; column: string; a: string; b: string; value: string; difference: string }) => `"${d.label}": column "${d.column}" is ${d.value}, but ${d.a} − ${d.b} = ${d.difference}.`,
    hint: 'Check the figures against the source, or the order of the columns in differenceOf (a − b).',
  },
  'gender-sum-mismatch': {
    title: 'Women and men do not add up to the total',
    severity: 'error',
    group: 'figures',
    meaning: 'For a count (headcount or an indicator counted in persons), women plus men must equal the total.',
    message: (d: { what: string; women: number; men: number; sum: string; total: number }) => `Women (${d.women}) and men (${d.men}) of ${d.what} add up to ${d.sum}, not the total ${d.total}.`,
    hint: 'Check the three figures against the source.',
  },
  'deviation-sum-mismatch': {
    title: 'Explanations do not add up to the deviation',
    severity: 'error',
    group: 'figures',
    meaning: 'The amounts of the items explaining a deviation differ from the deviation by more than rounding allows.',
    message: (d: { count: number; id: string; sum: string; deviation: number; unit: string }) =>
      `The ${d.count} explanations of "${d.id}" add up to ${d.sum} ${d.unit}, not the deviation ${d.deviation} ${d.unit}.`,
    hint: 'Check the amounts against the source; an item may be missing or have the wrong sign.',
  },
  'percent-out-of-range': {
    title: 'Percentage out of range',
    severity: 'error',
    group: 'figures',
    meaning: 'A share in percent is negative or above 100.',
    message: (d: { what: string; value: number }) => `${d.what} is ${d.value} %, outside 0–100.`,
    hint: 'Write the percentage as a number from 0 to 100 (e.g. 8.2 for 8,2 %).',
  },
  'percent-as-fraction': {
    title: 'Percentage written as a fraction',
    severity: 'warning',
    group: 'figures',
    meaning: 'A figure in percent lies between 0 and 1 while the other figures of its indicator or row lie about a hundred times higher: a share written as a fraction (0.864 for 86.4 %), which readers would see as 0,864 %.',
    message: (d: { what: string; value: number; typical: number; percent: number }) =>
      `${d.what} is ${d.value} %, while the other figures lie around ${d.typical} %: it looks like ${d.percent} % written as a fraction.`,
    hint: 'Write the share in percent (86.4 for 86,4 %), as the unit says.',
  },
  'year-outside-period': {
    title: 'Year after the report period',
    severity: 'warning',
    group: 'figures',
    meaning: 'An outcome or a table column is for a year after the year of the report period; outcomes cannot be known yet.',
    message: (d: { what: string; year: number; periodYear: number }) => `${d.what} is for ${d.year}, after the report period (${d.periodYear}).`,
    hint: 'Check the year; targets for later years are allowed, outcomes are not.',
  },
  'period-after-report': {
    title: 'Outcome for a period after the report',
    severity: 'warning',
    group: 'figures',
    meaning: 'An outcome (an indicator value or a table column) is for a month, tertial or other period that ends after the report period ends, e.g. oktober 2024 in a delårsrapport per 31 augusti 2024; its figures cannot be known yet.',
    message: (d: { what: string; period: string; periodEnd: string; reportEnd: string }) => `${d.what} is for ${d.period}, which ends ${d.periodEnd}, after the report period ends (${d.reportEnd}).`,
    hint: 'Check the period key (2024-08, 2024-T2, 2024-ack-08 …), or mark the value as a target, budget or forecast.',
  },
  'date-outside-period': {
    title: 'Date outside the period',
    severity: 'warning',
    group: 'figures',
    meaning: 'The period starts after it ends, its dates are not in the period year, or the period key of an indicator value or a table column is not in the year written beside it.',
    message: (d: { start: string; end: string } | { key: string; date: string; year: number } | { what: string; period: string; year: number }) =>
      'period' in d
        ? `The period ${d.period} of ${d.what} is not in its year ${d.year}.`
        : 'key' in d
          ? `period.${d.key} (${d.date}) is not in the period year ${d.year}.`
          : `The period ends (${d.end}) before it starts (${d.start}).`,
    hint: 'Check period.start, period.end and period.year.',
  },
  'unit-slip': {
    title: 'Same figure in another unit scale',
    severity: 'error',
    group: 'figures',
    meaning: 'Two places state the same figure, but converted to kronor they differ by a factor of about 1 000 or 1 000 000: a unit (kr, tkr, mnkr) is wrong.',
    message: (d: { what: string; value: number; unit: string; where: string; other: number; otherUnit: string; factor: string }) =>
      `${d.what} is ${d.value} ${d.unit}, but ${d.where} is ${d.other} ${d.otherUnit}: a factor of about ${d.factor} apart, so one of the units is wrong.`,
    hint: 'Check the unit of both tables against the source.',
  },
  'figure-mismatch': {
    title: 'Same figure stated differently',
    severity: 'warning',
    group: 'figures',
    meaning: 'Two places state the same figure (sameAs), but their values differ by more than rounding.',
    message: (d: { what: string; value: number; unit: string; where: string; other: number; otherUnit: string }) => `${d.what} is ${d.value} ${d.unit}, but ${d.where} states ${d.other} ${d.otherUnit}.`,
    hint: 'Check both figures against the source.',
  },
  'missing-value-reason': {
    title: 'Value without figure or reason',
    severity: 'error',
    group: 'figures',
    meaning: 'An indicator value has neither a total nor a reason why it is missing.',
    message: (d: { kind: string; year: number; name: string }) => `The ${d.kind} for ${d.year} of "${d.name}" has neither a total nor a reason why it is missing.`,
    hint: 'Give `total`, or `missing` with the reason (e.g. "Mätning senare under 2022").',
  },
  'interval-invalid': {
    title: 'Range or interval without both bounds in order',
    severity: 'error',
    group: 'figures',
    meaning: 'A range target or an interval ("2–4 procent", a forecast "−5 till −10") gives only one bound, or its low bound is above its high bound.',
    message: (d: { what: string }) => `${d.what} is not a range with both bounds and low not above high.`,
    hint: 'Write both bounds with the lower first: low: -10, high: -5 for "−5 till −10".',
  },
  'interval-not-reconciled': {
    title: 'Interval in a statement or formula is not reconciled',
    severity: 'info',
    group: 'figures',
    meaning: 'A cell of a financial statement or of a row with a formula is an interval ("−5 till −10"): formulas and the agreement between statements need single figures, so this cell is not checked there. Sums and differences are still checked on both bounds.',
    message: (d: { label: string; column: string; table: string }) => `"${d.label}" in column "${d.column}" of table "${d.table}" is an interval; its formula and the agreement with other statements are not checked.`,
    hint: 'Nothing to fix when the source gives an interval. Give the single figure if the source has one, so the statements can be reconciled.',
  },
  'status-rule-unresolved': {
    title: 'Status rule cannot be applied',
    severity: 'error',
    group: 'model',
    meaning: "A goal takes its assessment from the governance's status rule (assessmentRule), or an indicator its own (assessmentByRule), but the governance declares no statusRule or the goal has no indicator with that id.",
    message: (d: { goal: string; rule: string; why: 'no-rule' | 'no-indicator' }) =>
      d.why === 'no-rule'
        ? `"${d.goal}" takes its assessment from a rule, but the governance declares no statusRule.`
        : `"${d.goal}" takes its assessment from the indicator "${d.rule}", which is not one of its indicators.`,
    hint: 'Declare governance.statusRule, or name one of the goal\'s own indicators in assessmentRule.',
  },
  'status-disagrees-with-rule': {
    title: 'Typed status disagrees with the rule',
    severity: 'warning',
    group: 'figures',
    meaning: "A goal has a typed assessment and an assessmentRule (or an indicator a typed assessment and assessmentByRule), and the governance's status rule gives another status for the indicator's outcome against its target.",
    message: (d: { goal: string; typed: string | null; derived: string; share: number }) =>
      `"${d.goal}" is typed ${JSON.stringify(d.typed)}, but the rule gives ${JSON.stringify(d.derived)} (the outcome is ${d.share} % of the target).`,
    hint: 'Check the status against the source; remove the typed assessment to publish what the rule gives, or remove assessmentRule to keep the typed one.',
  },
  'value-and-absent': {
    title: 'Value both "–" and something else',
    severity: 'error',
    group: 'figures',
    meaning: 'An indicator value is marked absent (the source prints "–": no amount or not applicable) and also has a figure, an interval, words or a missing reason; it cannot be both.',
    message: (d: { kind: string; year: number; name: string; also: string }) => `The ${d.kind} for ${d.year} of "${d.name}" is marked absent ("–") and also has ${d.also}.`,
    hint: 'Keep absent when the source prints "–" (an amount that rounds to zero is total: 0), or remove it when the source gives a figure.',
  },
  'value-and-missing': {
    title: 'Value with a figure and a missing reason',
    severity: 'warning',
    group: 'figures',
    meaning: 'An indicator value has both a total and a reason why it is missing.',
    message: (d: { kind: string; year: number; name: string }) => `The ${d.kind} for ${d.year} of "${d.name}" has both a total and a missing reason.`,
    hint: 'Remove `missing` when the figure is known, or `total` when it is not.',
  },
  'formula-mismatch': {
    title: 'Formula does not add up',
    severity: 'error',
    group: 'figures',
    meaning: 'A row declared as a formula over other rows with signs (formula: "a + b - c") differs from what the formula gives by more than rounding allows.',
    message: (d: { label: string; column: string; table: string; value: number; formula: string; result: string }) =>
      `"${d.label}" in column "${d.column}" of table "${d.table}" is ${d.value}, but ${d.formula} gives ${d.result}.`,
    hint: 'Check the figures and the signs of the formula against the source.',
  },
  'formula-invalid': {
    title: 'Formula cannot be read',
    severity: 'error',
    group: 'figures',
    meaning: "A row's formula is not row ids joined by + and −, or the row has both sumOf and formula.",
    message: (d: { row: string; table: string; formula?: string }) =>
      d.formula === undefined ? `Row "${d.row}" of table "${d.table}" has both sumOf and formula.` : `The formula "${d.formula}" of row "${d.row}" is not row ids joined by + and −.`,
    hint: 'Write e.g. formula: "kommunbidrag + intakter + kostnader - disposition", with row ids of the same table.',
  },
  'sign-contradicts-kind': {
    title: 'Sign contradicts the kind of row',
    severity: 'error',
    group: 'figures',
    meaning: 'An income written negative or a cost written positive in a statement whose convention is signed (costs negative, income positive), or a negative amount where every amount is written positive.',
    message: (d: { label: string; column: string; table: string; value: number; kind: 'revenue' | 'cost'; want: 'positive' | 'negative'; convention: 'signed' | 'positive' }) =>
      `"${d.label}" in column "${d.column}" of table "${d.table}" is ${d.value}: ${d.kind === 'revenue' ? 'an income' : 'a cost'} is ${d.want} in this statement (${d.convention === 'signed' ? 'costs negative, income positive' : 'every amount positive'}).`,
    hint: "Correct the sign, or state the table's signConvention (signed or positive).",
  },
  'standard-key-missing': {
    title: 'Statement row without its standard key',
    severity: 'info',
    group: 'figures',
    meaning: "A row of a financial statement in a report of the kommun, a kommunalförbund or the sammanställd redovisning (level kommun, forbund or sammanstalld) carries the label of one of RKR's standard rows (see STANDARD_ROWS) but no key. Its figures are published, but open data gives them no row_key, so they cannot be compared across kommuner, and where the key is one the statements are reconciled by (årets resultat, likvida medel, the sums of the balansräkning) that row is not checked.",
    message: (d: { label: string; table: string; key: string }) => `Row "${d.label}" of table "${d.table}" has the label of the standard row ${d.key} but no key.`,
    hint: 'Add the standard key to the row (key: …), unless the row is not that figure.',
  },
  'heading-with-values': {
    title: 'Heading row with values',
    severity: 'error',
    group: 'figures',
    meaning: 'A row of kind heading names a group of rows and has no figures of its own.',
    message: (d: { label: string; table: string }) => `Row "${d.label}" of table "${d.table}" is a heading row but has values.`,
    hint: 'Remove the values, or give the row another kind (item, subtotal, total).',
  },
  'balance-sheet-unbalanced': {
    title: 'Balansräkning does not balance',
    severity: 'error',
    group: 'figures',
    meaning: 'Summa tillgångar differs from eget kapital, avsättningar och skulder by more than rounding allows.',
    message: (d: { table: string; where: string; value: number; otherWhere: string; other: string; difference: string }) =>
      `The balansräkning "${d.table}" does not balance: summa tillgångar (${d.where}) is ${d.value}, but eget kapital, avsättningar och skulder (${d.otherWhere}) are ${d.other}, a difference of ${d.difference}.`,
    hint: 'Check each post of both sides against the ledger; the subtotals may add up while a post is wrong on one side.',
  },
  'result-mismatch': {
    title: 'Årets resultat differs between statements',
    severity: 'error',
    group: 'figures',
    meaning: "Årets resultat in the resultaträkning, in the balansräkning's eget kapital, as the first row of the kassaflödesanalys and in the balanskravsutredning must be the same figure for the same entity and period (rows with the standard key arets-resultat).",
    message: (d: { statement: string; where: string; value: number; otherWhere: string; other: number; difference: string }) =>
      `Årets resultat differs between the resultaträkning and the ${d.statement}: ${d.where} is ${d.value}, but ${d.otherWhere} is ${d.other} (a difference of ${d.difference}).`,
    hint: 'Årets resultat is one figure: check which statement has it wrong (a post may be missing from the resultaträkning, or eget kapital not updated).',
  },
  'cash-flow-start-mismatch': {
    title: 'Kassaflödesanalys starts at other likvida medel',
    severity: 'error',
    group: 'figures',
    meaning: "Likvida medel at the start of the period in the kassaflödesanalys differs from likvida medel in the balansräkning at the day before the period starts (31 december of the year before, for a period from 1 januari), for the same entity.",
    message: (d: { where: string; value: number; otherWhere: string; other: number; difference: string }) =>
      `The kassaflödesanalys does not start at the balansräkning's likvida medel: ${d.where} is ${d.value}, but ${d.otherWhere} is ${d.other} (a difference of ${d.difference}).`,
    hint: "Take likvida medel vid periodens början from the balansräkning's column of the previous balance date (31 december).",
  },
  'cash-flow-mismatch': {
    title: 'Kassaflödesanalys ends at other likvida medel',
    severity: 'error',
    group: 'figures',
    meaning: 'Likvida medel at the end of the period in the kassaflödesanalys differs from likvida medel in the balansräkning for the same entity and date.',
    message: (d: { where: string; value: number; otherWhere: string; other: number; difference: string }) =>
      `The kassaflödesanalys does not end at the balansräkning's likvida medel: ${d.where} is ${d.value}, but ${d.otherWhere} is ${d.other} (a difference of ${d.difference}).`,
    hint: 'Check the flows of the kassaflödesanalys and likvida medel at the start of the period; both must end at the same kassa och bank.',
  },
  'statement-figure-mismatch': {
    title: 'Figure differs from the statements',
    severity: 'error',
    group: 'figures',
    meaning: 'A figure that names a cell of a financial statement (sameAs) differs from it by more than rounding: the förvaltningsberättelse must state what the statements state.',
    message: (d: { what: string; value: number; unit: string; where: string; other: number; otherUnit: string }) => `${d.what} is ${d.value} ${d.unit}, but the statement ${d.where} states ${d.other} ${d.otherUnit}.`,
    hint: 'Check the figure against the statement it names.',
  },
  'swedish-number': {
    title: 'Number written the Swedish way',
    severity: 'error',
    group: 'model',
    meaning: 'A number is written with spaces between digit groups ("1 000") or a decimal comma ("8,2"); YAML reads it as text, and inside { } a decimal comma even splits the number into two keys ({ total: 700,5 } becomes 700 and a key "5").',
    message: (d: { split: true; written: string } | { split: false; found: string; expected: string }) =>
      d.split
        ? `"${d.written}" inside { } is read as the number ${d.written.split(',')[0]} followed by a key "${d.written.split(',')[1]}": YAML splits at the comma.`
        : `${d.found} is written the Swedish way; YAML reads it as text, not ${d.expected}.`,
    hint: 'Write digits without spaces and decimals with a point: 1000, 700.5. Readers still see "1 000" and "700,5".',
  },
  'unknown-dimension': {
    title: 'Not an assessment dimension',
    severity: 'error',
    group: 'model',
    meaning: 'A goal gives an assessment for a dimension the governance vocabulary does not declare, or gives dimensions when the vocabulary declares none.',
    message: (d: { goal: string; key: string; declared: boolean }) =>
      d.declared
        ? `"${d.key}" is not an assessment dimension of the governance vocabulary.`
        : `"${d.goal}" gives an assessment for the dimension "${d.key}", but the governance vocabulary declares no dimensions.`,
    hint: 'Use a key of governance.dimensions, or declare the dimension there (key, label, and overall: true on the one that is the overall assessment).',
  },
  'dimension-overall': {
    title: 'Not exactly one overall dimension',
    severity: 'error',
    group: 'model',
    meaning: "Assessment dimensions are declared, but none or more than one is marked overall; the overall one is the goal's assessment in overviews and counts.",
    message: (d: { count: number }) => `${d.count === 0 ? 'No' : d.count} assessment dimension${d.count === 1 ? ' is' : 's are'} marked overall: true; exactly one must be.`,
    hint: 'Mark exactly one dimension with overall: true (e.g. "Sammanvägd bedömning").',
  },
  'assessment-conflict': {
    title: 'Two overall assessments disagree',
    severity: 'error',
    group: 'model',
    meaning: 'A goal has both assessment and a value for the overall dimension, and they differ; readers would see two overall judgements.',
    message: (d: { goal: string; assessment: string; dimension: string; value: string | null }) =>
      `"${d.goal}" has assessment ${JSON.stringify(d.assessment)} and the overall dimension "${d.dimension}" ${JSON.stringify(d.value)}.`,
    hint: 'Remove assessment and keep the overall dimension in assessments, or make them equal.',
  },
  'goal-link': {
    title: 'Goal link does not resolve',
    severity: 'error',
    group: 'model',
    meaning: 'A goal serves (serves:) an id that is no goal or area of the report, or itself.',
    message: (d: { goal: string; id: string }) =>
      d.id === d.goal ? `The goal "${d.goal}" serves itself.` : `The goal "${d.goal}" serves "${d.id}", which is no goal or area of this report.`,
    hint: 'Write the id of another goal or area of this report; a goal is written once, in its home, and serves others by id.',
  },
  'provenance-reason': {
    title: 'Inferred status without a reason',
    severity: 'error',
    group: 'model',
    meaning: 'A status is marked inferred (or unknown) without saying why; readers must be told how it was inferred.',
    message: (d: { what: string; basis: string }) => `The status of ${d.what} is marked ${d.basis} without a reason.`,
    hint: 'Add provenance.reason, e.g. "Härlett ur sammanfattningens antal: två av fem processområden uppnår".',
  },
  'comparison-group': {
    title: 'Comparison without its members',
    severity: 'error',
    group: 'model',
    meaning: 'A comparison of a Kolada kommungrupp has no koladaGroupId, or a comparison of named kommuner lists none; readers cannot tell what was compared with.',
    message: (d: { label: string; indicator: string; missing: 'groupId' | 'municipalities' }) =>
      d.missing === 'groupId'
        ? `The comparison "${d.label}" of "${d.indicator}" is a Kolada kommungrupp without its id.`
        : `The comparison "${d.label}" of "${d.indicator}" names no kommuner.`,
    hint: 'Give koladaGroupId (e.g. "G124028") for of: group, or municipalities: [..] for of: municipalities.',
  },
  'rich-text-unsupported': {
    title: 'Text the model cannot render',
    severity: 'error',
    group: 'model',
    meaning: 'A text given as an HTML fragment holds an image (`<img>`); the fragment parser has no place for it, and it would vanish from every output. (Markdown images are supported.)',
    message: (d: { construct: string }) => `The text holds ${d.construct === 'html-image' ? 'an HTML image (<img>)' : `a ${d.construct}`}, which the report model cannot render.`,
    hint: 'Write the image in Markdown as a paragraph of its own, `![what it shows](bilder/karta.png)`, with the file in the report\'s folder.',
  },
  'image-alt-missing': {
    title: 'Image without a text alternative',
    severity: 'error',
    group: 'model',
    meaning: 'A Markdown image has no alt text (WCAG 2.1, 1.1.1), or is marked `{decorative}` and still has one. Readers who cannot see it would be told nothing, or told something about decoration.',
    message: (d: { problem: string }) => `The text holds ${d.problem}.`,
    hint: 'Say what the image shows between the brackets, `![Karta över området](karta.png)`; an image that is decoration only is written `![](linje.png){decorative}`.',
  },
  'image-source': {
    title: 'Image not in the report\'s folder',
    severity: 'error',
    group: 'model',
    meaning: 'A Markdown image is given as a URL, an absolute path or a path out of the report\'s folder. Images are read from the report\'s folder (and folders below it) only: the build never fetches from the network, and a report does not read files elsewhere on the machine.',
    message: (d: { problem: string }) => `The text holds ${d.problem}.`,
    hint: 'Save the image in the report\'s folder and write its path from there, e.g. `![Karta över området](bilder/karta.png)`.',
  },
  'image-placement': {
    title: 'Image inside text, a list or a table',
    severity: 'error',
    group: 'model',
    meaning: 'A Markdown image stands inside a line of text, a list item or a table cell. An image is a figure of its own in every output, so it must be a paragraph of its own.',
    message: (d: { problem: string }) => `The text holds ${d.problem}.`,
    hint: 'Give the image a paragraph of its own: a blank line before and after `![alt](file.png)`, outside lists and tables.',
  },
  'image-unreadable': {
    title: 'Image file cannot be read',
    severity: 'error',
    group: 'model',
    meaning: 'The file a Markdown image names does not exist, is not a regular file, or leads out of the report\'s folder through a link.',
    message: (d: { src: string; reason: string }) => `The image "${d.src}" cannot be read: ${d.reason}.`,
    hint: 'The path is relative to the report file; check the name (letter case counts) and that the file is in the report\'s folder.',
  },
  'image-too-large': {
    title: 'Image too large',
    severity: 'error',
    group: 'model',
    meaning: 'An image file is larger than the limit of bytes or pixels (see the limits in the model\'s README); every output embeds it, so a page would load slowly and a PDF would grow out of proportion.',
    message: (d: { src: string; size: string; max: string }) => `The image "${d.src}" is ${d.size}, more than the ${d.max} an image may be.`,
    hint: 'Save the image smaller (at most 4000 pixels wide and high, e.g. as a compressed JPEG) and build again.',
  },
  'image-format': {
    title: 'Image neither PNG nor JPEG',
    severity: 'error',
    group: 'model',
    meaning: 'An image file is not PNG or JPEG, judged by its contents (its first bytes), not by its name; or its header is damaged, or a PNG file is cut short (ends before its last chunk). Every output (HTML, PDF, Word) can show PNG and JPEG.',
    message: (d: { src: string; found: string }) => (/^an? (PNG|JPEG) file /.test(d.found) ? `The image "${d.src}" is ${d.found}; no format can show it.` : `The image "${d.src}" is ${d.found}, not PNG or JPEG.`),
    hint: 'Save the image as PNG (drawings, maps, diagrams) or JPEG (photos) and refer to that file.',
  },
  'markdown-table-malformed': {
    title: 'Markdown table that cannot be read',
    severity: 'error',
    group: 'model',
    meaning: 'A text holds a Markdown (pipe) table whose rows are not all as long as its header, or whose header separator (|---|---|) is missing or misplaced; it would lose cells or become a paragraph of "|" characters.',
    message: (d: { problem: string; line: number }) => `The Markdown table has ${d.problem} (line ${d.line} of the text).`,
    hint: 'Write a header row, right below it a separator with one --- per column, then rows with one cell per column.',
  },
} as const satisfies Record<string, DiagnosticDefinition>;

/** A code of the catalogue. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/** The data the message function of a code takes. */
export type DiagnosticData<D extends DiagnosticDefinition> = Parameters<D['message']>[0];

/** Where a finding is and what a finding adds to its code's definition. */
export interface DiagnosticDetails {
  /** Path in the report, already formatted (`sections[2].title`); empty for the whole file. */
  path?: string;
  file?: string;
  line?: number;
  column?: number;
  expected?: string;
  found?: string;
  /** A hint for this finding; default the code's general hint. */
  hint?: string;
  /** The plugin reporting it. */
  plugin?: string;
}

/** A finding of one code of a catalogue: severity, message and default hint come from the definition. */
export function createDiagnostic<D extends DiagnosticDefinition>(code: string, definition: D, data: DiagnosticData<D>, details: DiagnosticDetails = {}): Diagnostic {
  return {
    code,
    ...(details.plugin !== undefined ? { plugin: details.plugin } : {}),
    severity: definition.severity,
    path: details.path ?? '',
    message: definition.message(data),
    ...(details.file !== undefined ? { file: details.file } : {}),
    ...(details.line !== undefined ? { line: details.line } : {}),
    ...(details.column !== undefined ? { column: details.column } : {}),
    ...(details.expected !== undefined ? { expected: details.expected } : {}),
    ...(details.found !== undefined ? { found: details.found } : {}),
    hint: details.hint ?? definition.hint,
  };
}

/** A finding of a code of the model's catalogue. */
export function modelDiagnostic<C extends DiagnosticCode>(code: C, data: DiagnosticData<(typeof DIAGNOSTIC_CODES)[C]>, details: DiagnosticDetails = {}): Diagnostic {
  return createDiagnostic(code, DIAGNOSTIC_CODES[code] as DiagnosticDefinition, data, details);
}

/** Options of {@link formatDiagnostic}. */
export interface FormatOptions {
  /** Colour function for the severity word, e.g. from picocolors; default none. */
  colour?: (severity: Severity, text: string) => string;
}

/** The place of a diagnostic: `file:line:column`, as much of it as is known. */
export function formatPlace(d: Pick<Diagnostic, 'file' | 'line' | 'column'>): string {
  const file = d.file ?? '<input>';
  if (d.line === undefined) return file;
  return d.column === undefined ? `${file}:${d.line}` : `${file}:${d.line}:${d.column}`;
}

/**
 * One diagnostic as a block of lines for people: `file:line:column  error  code  path`,
 * then the message, what was expected and found, and the hint, each indented.
 */
export function formatDiagnostic(d: Diagnostic, options: FormatOptions = {}): string {
  const colour = options.colour ?? ((_s: Severity, text: string) => text);
  const code = d.plugin !== undefined ? `[plugin ${d.plugin}] ${d.code}` : d.code;
  const head = [formatPlace(d), colour(d.severity, d.severity), code, d.path].filter((s) => s !== '').join('  ');
  const lines = [head, `  ${d.message}`];
  if (d.expected !== undefined) lines.push(`  expected: ${d.expected}`);
  if (d.found !== undefined) lines.push(`  found:    ${d.found}`);
  if (d.hint !== undefined) lines.push(`  hint:     ${d.hint}`);
  return lines.join('\n');
}

/** Options of {@link hasErrors}. */
export interface HasErrorsOptions {
  /** Count warnings as errors. */
  strict?: boolean;
}

/** Whether the diagnostics hold an error (or, with `strict`, a warning). */
export function hasErrors(diagnostics: readonly Diagnostic[], options: HasErrorsOptions = {}): boolean {
  return diagnostics.some((d) => d.severity === 'error' || (options.strict === true && d.severity === 'warning'));
}

/** Counts of diagnostics per severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/** Renders a value briefly for a "found" line: strings quoted, objects by their keys, long text cut. */
export function renderValue(value: unknown, max = 60): string {
  let s: string;
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') s = JSON.stringify(value);
  else if (typeof value === 'number' || typeof value === 'boolean') s = String(value);
  else if (Array.isArray(value)) s = `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  else if (typeof value === 'object') {
    const keys = Object.keys(value);
    s = keys.length === 0 ? 'an empty object' : `an object with keys ${keys.join(', ')}`;
  } else s = String(value);
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Formats a path of keys and indexes as `a.b[3].c`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
