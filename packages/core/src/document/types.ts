// The semantic document: what a report says, decided once in core (numbering, words from
// the vocabulary, abbreviations and their first use, formatted figures, legends, chart
// labels) and serialised by every writer. Writers add no meaning of their own: a new
// output format is a function from these types to bytes.
import type { Unit } from '@kommunrapport/model';
import type { Badge } from '../vocabulary.js';

/** Plain text, exactly as the author or the vocabulary wrote it. */
export interface TextNode {
  type: 'text';
  value: string;
}

/** Emphasised text (usually italic). */
export interface EmphasisNode {
  type: 'emphasis';
  children: Inline[];
}

/** Strongly emphasised text (usually bold). */
export interface StrongNode {
  type: 'strong';
  children: Inline[];
}

/** A link; its url is always http(s) or mailto (anything else stays text). */
export interface LinkNode {
  type: 'link';
  url: string;
  children: Inline[];
}

/**
 * An abbreviation of the organisation registry as the author wrote it. `text` is the
 * author's word ("KLK" or "KLK:s"); `first` is true at the one place where the reader
 * should be told what it stands for: its first use in reading order, where the author
 * has not explained it. Writers add the explanation with {@link abbreviationExplanation}
 * and never change `text`.
 */
export interface AbbreviationNode {
  type: 'abbreviation';
  /** The word as written, e.g. `KLK:s`. */
  text: string;
  /** The abbreviation itself, e.g. `KLK`. */
  abbreviation: string;
  /** What it stands for, e.g. `Kommunledningskontoret`. */
  expansion: string;
  /** True where a writer explains it (first use, not explained by the author). */
  first: boolean;
  /**
   * True at its first use in a top-level section where the author has not explained it
   * there: where speech, which cannot be skimmed back, says again what it stands for
   * (see `phraseText`'s `speech` option). Absent elsewhere.
   */
  firstInSection?: true;
}

/** Text in another language than the document's (BCP 47 tag), so speech and hyphenation switch. */
export interface ForeignNode {
  type: 'foreign';
  language: string;
  children: Inline[];
}

/** Inline content. */
export type Inline = TextNode | EmphasisNode | StrongNode | LinkNode | AbbreviationNode | ForeignNode;

/** A run of inline content: a heading, a fact's value, a list item. */
export type Phrase = Inline[];

/** A block of running text: a paragraph, or a list whose items are blocks. */
export type TextBlock = { type: 'paragraph'; children: Inline[] } | { type: 'list'; ordered: boolean; items: TextBlock[][] };

/** A table cell: its text as shown, its spoken form, and a number or badge when it has one. */
export interface TableCell {
  /** As shown in a table, e.g. `−71,5` or `1,7 %`. */
  text: string;
  /** Written out with unit words for running text and speech, e.g. `−71,5 miljoner kronor`. */
  spoken: string;
  /** The spoken form for speech synthesis: signs as words, digits not grouped, e.g. `minus 71,5 miljoner kronor`. */
  speech: string;
  /**
   * The accessible name, when the shown text is a sign that does not read as words: the "–"
   * of no amount ("inget belopp"), of a cell with no value (the vocabulary's `missingValue`, "Värde
   * saknas"), an interval's dash ("−5 till −10"). Writers give it as the cell's name (HTML: hidden
   * words beside the sign shown, PDF: ActualText, DOCX: the words); absent when the text reads as it is.
   */
  label?: string;
  /** The number behind the text, when there is one. */
  value?: number;
  /** A scale value shown with symbol and words. */
  badge?: Badge;
  /** Numbers align to the end, words to the start. */
  align: 'start' | 'end';
  /**
   * The cell as inline content (emphasis, links, abbreviations), for a table the author wrote
   * in Markdown; writers show it instead of `text`, which is its plain text.
   */
  content?: Phrase;
}

/** A row: its header cell (the row's label, or a badge) and its cells. */
export interface TableRowModel {
  /** The row's label as plain text. */
  header: string;
  /** The row's label as inline content, for a table written in Markdown; writers show it instead of `header`. */
  headerContent?: Phrase;
  /** A badge standing in the header cell (its label equals `header`). */
  headerBadge?: Badge;
  cells: TableCell[];
  /** Sums and results are shown with emphasis. */
  emphasis?: 'subtotal' | 'total';
  /** A heading of the rows that follow (e.g. "Anläggningstillgångar"): no cells; writers start a row group with it. */
  heading?: true;
  /** The note the row refers to: the id of the note's section and its label, e.g. "Not 1". */
  note?: { target: string; label: string };
}

/** A header over several adjacent columns, e.g. "Kommunen" over its years; `label` is empty over columns without a group. */
export interface ColumnGroupModel {
  label: string;
  /** How many columns it spans, in column order. */
  span: number;
}

/** A table ready to render: caption stating the unit, column headers, row headers. */
export interface TableModel {
  id: string;
  caption: string;
  /** The table's unit, when all cells share one. */
  unit?: Unit;
  /** Header of the row-header column, e.g. "Konto". */
  corner: string;
  columns: { label: string; align: 'start' | 'end' }[];
  /** Headers over groups of columns, spanning every column in order; absent when the table has none. */
  columnGroups?: ColumnGroupModel[];
  rows: TableRowModel[];
  /**
   * Text under the table: the author's note, then the reason the author gives for each cell printed "–" (row, column: its words (reason));
   * under an indicator table, which way is better for its indicators ("Lägre värde är bättre: Sjukfrånvaro."), then each status the rule gives.
   */
  note?: TextBlock[];
}

/** A point of a chart: its year, value and label formatted with the indicator's decimals. */
export interface ChartPoint {
  year: number;
  value: number;
  /** The label at the point, as in the table: `70,0 %`. */
  label: string;
  /** The value in words: `70,0 procent`. */
  spoken: string;
}

/** A small chart of an indicator's values over years, with its text alternative. */
export interface ChartModel {
  id: string;
  title: string;
  unit: Unit;
  /** Outcomes, targets, and the comparison series (riket, a kommungrupp …) drawn beside them. */
  series: { kind: 'outcome' | 'target' | 'comparison'; label: string; points: ChartPoint[] }[];
  /**
   * The text alternative: the chart's name, which way is better (the vocabulary's higherIsBetter
   * or lowerIsBetter), then the values. When the chart's values stand in the table right before
   * it (`valuesInTable`), it points to that table instead of restating them.
   */
  description: string;
  /** The same for speech synthesis (signs as words, digits not grouped). */
  speech: string;
  /** The id of the adjacent table holding the chart's values, when there is one. */
  valuesInTable?: string;
}

/**
 * An image of the author's text, with its bytes read by the build: writers embed it (HTML
 * as a data URL, PDF as a tagged Figure, DOCX as a picture) with its text alternative, and
 * text says the alternative, marked as an image. A decorative image has an empty `alt` and
 * is marked as decoration (HTML `alt=""`, PDF an artifact); text leaves it out.
 */
export interface ImageModel {
  /** `image-1`, `image-2` … in reading order. */
  id: string;
  /** The file as the report names it, relative to the report's folder. */
  src: string;
  /** The text alternative, exactly as written; empty when decorative. */
  alt: string;
  decorative: boolean;
  /** The caption, when the author gave one (the Markdown title). */
  caption?: string;
  /** What text says for it: `Bild: Karta över området.` (the vocabulary's word for an image, the alt text). */
  spoken: string;
  mediaType: 'image/png' | 'image/jpeg';
  /** Its size in pixels. */
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** A labelled value, e.g. "Ansvariga: KS, SBN". */
export interface Fact {
  term: string;
  /** The value as plain text, exactly as the source wrote it. */
  value: string;
  /** The value as inline content, with its abbreviations marked. */
  content: Phrase;
}

/** One entry of a key to symbols: "● Uppnår: Processområdet bedöms uppnå resultatmålen". */
export interface LegendEntry {
  symbol: string;
  /** The short label, e.g. "Uppnår". */
  label: string;
  /** What it means, e.g. "Processområdet bedöms uppnå resultatmålen"; absent when the vocabulary says no more than the label. */
  meaning?: string;
  badge: Badge;
}

/** A key to the symbols of one scale. */
export interface LegendModel {
  id: string;
  /**
   * What the scale is for: the assessment scale is named after the areas where only areas are
   * judged ("Processområden"), else "Bedömning"; the commitment statuses after the commitments,
   * completion and trend by the vocabulary's words.
   */
  caption: string;
  /** Header of the symbol column ("Symbol") and of the meaning column ("Innebörd"), for writers that draw a table. */
  symbolHeader: string;
  meaningHeader: string;
  entries: LegendEntry[];
}

/** A block of a section, in reading order. */
export type DocBlock =
  | { kind: 'richText'; blocks: TextBlock[] }
  | { kind: 'badges'; items: { term: string; badge: Badge }[] }
  | { kind: 'facts'; items: Fact[] }
  | { kind: 'list'; items: Phrase[] }
  | { kind: 'table'; table: TableModel }
  | { kind: 'legend'; legend: LegendModel }
  | { kind: 'chart'; chart: ChartModel }
  | { kind: 'image'; image: ImageModel }
  | { kind: 'section'; section: DocSection };

/** A section with a heading. Level 2 is the top (level 1 is the document title). */
export interface DocSection {
  id: string;
  level: number;
  /** The heading's number in the document, e.g. `3.2.1` (the decision and the top sections count from 1). */
  number: string;
  /** The heading as plain text, exactly as the source wrote it. */
  title: string;
  /** The heading as inline content; abbreviations are marked but never explained in headings. */
  heading: Phrase;
  /** What the section is: a section type of the model, or area, goal, commitment, group, decision. */
  role: string;
  blocks: DocBlock[];
}

/** The whole document. */
export interface DocumentModel {
  /** The document's title, as written (the title of a document: its abbreviations are never explained). */
  title: string;
  language: string;
  /**
   * What the report is about in at most 160 characters, for search engines and catalogues
   * (HTML's meta description): the author's summary, else the decision's description, cut
   * at a sentence or word; without either, the title, body, kommun and period.
   */
  description: string;
  /**
   * The report's owner in one phrase, for titles and metadata (HTML title, PDF author and
   * footer): the body and its kommun, "Kommunstyrelsen, Eskilstuna"; a kommunalförbund by its name alone.
   */
  owner: string;
  /**
   * Cover facts in order: kommun, nämnd (or the word of the report's level), förvaltning, period,
   * diarienummer, date and contact, each when the report gives it; a kommunalförbund's cover
   * names the förbund, its member kommuner (when given) and its seat instead of a kommun.
   */
  cover: Fact[];
  /**
   * The sections in reading order: the cover decision, the summary with the significant
   * events when no summary section of the report places them (the summary is required, so
   * no output loses it), then the report's sections.
   */
  sections: DocSection[];
}
