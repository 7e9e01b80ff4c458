// Financial statements (räkenskaper) of a kommun-level report: the standard row keys of
// RKR's uppställningsformer for resultaträkning, balansräkning, kassaflödesanalys,
// balanskravsutredning and VA-resultat, the kind of figure each key is, and the notes
// (noter) a statement's rows refer to. A key makes a row comparable across kommuner in
// open data; the label stays the kommun's own.
import * as t from 'io-ts';

/** What kind of figure a standard row is; revenue and cost decide the expected sign. */
export type StandardKind = 'revenue' | 'cost' | 'result' | 'asset' | 'equity' | 'provision' | 'liability' | 'flow' | 'stock' | 'adjustment';

/** One standard row key: the statement it belongs to, its kind and its label in RKR's uppställningsform. */
export interface StandardRow {
  statement: 'incomeStatement' | 'balanceSheet' | 'cashFlow' | 'balanceRequirement' | 'waterResult';
  kind: StandardKind;
  label: string;
}

/**
 * The standard row keys, after RKR's uppställningsformer (R11 for the resultaträkning
 * and balansräkning, R13 for the kassaflödesanalys, R15 for the balanskravsutredning).
 * `arets-resultat` is shared: the resultaträkning's last row, the row in the balansräkning's
 * eget kapital and the first rows of the kassaflödesanalys and the balanskravsutredning,
 * which must agree. Panter and ansvarsförbindelser are listed after the balansräkning's
 * balance, as the kommun shows them below it.
 */
export const STANDARD_ROWS = {
  // resultaträkning
  'verksamhetens-intakter': { statement: 'incomeStatement', kind: 'revenue', label: 'Verksamhetens intäkter' },
  'verksamhetens-kostnader': { statement: 'incomeStatement', kind: 'cost', label: 'Verksamhetens kostnader' },
  avskrivningar: { statement: 'incomeStatement', kind: 'cost', label: 'Avskrivningar' },
  'verksamhetens-nettokostnader': { statement: 'incomeStatement', kind: 'result', label: 'Verksamhetens nettokostnader' },
  skatteintakter: { statement: 'incomeStatement', kind: 'revenue', label: 'Skatteintäkter' },
  'generella-statsbidrag-och-utjamning': { statement: 'incomeStatement', kind: 'revenue', label: 'Generella statsbidrag och utjämning' },
  'verksamhetens-resultat': { statement: 'incomeStatement', kind: 'result', label: 'Verksamhetens resultat' },
  'finansiella-intakter': { statement: 'incomeStatement', kind: 'revenue', label: 'Finansiella intäkter' },
  'finansiella-kostnader': { statement: 'incomeStatement', kind: 'cost', label: 'Finansiella kostnader' },
  'resultat-efter-finansiella-poster': { statement: 'incomeStatement', kind: 'result', label: 'Resultat efter finansiella poster' },
  'extraordinara-poster': { statement: 'incomeStatement', kind: 'result', label: 'Extraordinära poster' },
  'arets-resultat': { statement: 'incomeStatement', kind: 'result', label: 'Årets resultat' },
  // balansräkning: tillgångar
  'immateriella-anlaggningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Immateriella anläggningstillgångar' },
  'mark-byggnader-och-tekniska-anlaggningar': { statement: 'balanceSheet', kind: 'asset', label: 'Mark, byggnader och tekniska anläggningar' },
  'maskiner-och-inventarier': { statement: 'balanceSheet', kind: 'asset', label: 'Maskiner och inventarier' },
  'ovriga-materiella-anlaggningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Övriga materiella anläggningstillgångar' },
  'materiella-anlaggningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Materiella anläggningstillgångar' },
  'finansiella-anlaggningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Finansiella anläggningstillgångar' },
  'summa-anlaggningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Summa anläggningstillgångar' },
  'bidrag-till-statlig-infrastruktur': { statement: 'balanceSheet', kind: 'asset', label: 'Bidrag till statlig infrastruktur' },
  'forrad-med-mera': { statement: 'balanceSheet', kind: 'asset', label: 'Förråd m.m.' },
  fordringar: { statement: 'balanceSheet', kind: 'asset', label: 'Fordringar' },
  'kortfristiga-placeringar': { statement: 'balanceSheet', kind: 'asset', label: 'Kortfristiga placeringar' },
  'likvida-medel': { statement: 'balanceSheet', kind: 'asset', label: 'Kassa och bank' },
  'summa-omsattningstillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Summa omsättningstillgångar' },
  'summa-tillgangar': { statement: 'balanceSheet', kind: 'asset', label: 'Summa tillgångar' },
  // balansräkning: eget kapital, avsättningar och skulder
  resultatutjamningsreserv: { statement: 'balanceSheet', kind: 'equity', label: 'Resultatutjämningsreserv' },
  'ovrigt-eget-kapital': { statement: 'balanceSheet', kind: 'equity', label: 'Övrigt eget kapital' },
  'summa-eget-kapital': { statement: 'balanceSheet', kind: 'equity', label: 'Summa eget kapital' },
  'avsattningar-for-pensioner': { statement: 'balanceSheet', kind: 'provision', label: 'Avsättningar för pensioner och liknande förpliktelser' },
  'andra-avsattningar': { statement: 'balanceSheet', kind: 'provision', label: 'Andra avsättningar' },
  'summa-avsattningar': { statement: 'balanceSheet', kind: 'provision', label: 'Summa avsättningar' },
  'langfristiga-skulder': { statement: 'balanceSheet', kind: 'liability', label: 'Långfristiga skulder' },
  'kortfristiga-skulder': { statement: 'balanceSheet', kind: 'liability', label: 'Kortfristiga skulder' },
  'summa-skulder': { statement: 'balanceSheet', kind: 'liability', label: 'Summa skulder' },
  'summa-eget-kapital-avsattningar-och-skulder': { statement: 'balanceSheet', kind: 'liability', label: 'Summa eget kapital, avsättningar och skulder' },
  // balansräkning: panter och ansvarsförbindelser, after the balance
  'panter-och-darmed-jamforliga-sakerheter': { statement: 'balanceSheet', kind: 'liability', label: 'Panter och därmed jämförliga säkerheter' },
  'pensionsforpliktelser-utanfor-balansrakningen': { statement: 'balanceSheet', kind: 'liability', label: 'Pensionsförpliktelser som inte har upptagits bland skulderna eller avsättningarna' },
  'ovriga-ansvarsforbindelser': { statement: 'balanceSheet', kind: 'liability', label: 'Övriga ansvarsförbindelser' },
  // kassaflödesanalys (its first row, årets resultat, is `arets-resultat`)
  'justering-for-av-och-nedskrivningar': { statement: 'cashFlow', kind: 'flow', label: 'Justering för av- och nedskrivningar' },
  'justering-for-gjorda-avsattningar': { statement: 'cashFlow', kind: 'flow', label: 'Justering för gjorda avsättningar' },
  'justering-for-ovriga-ej-likviditetspaverkande-poster': { statement: 'cashFlow', kind: 'flow', label: 'Justering för övriga ej likviditetspåverkande poster' },
  'medel-fran-verksamheten-fore-forandring-av-rorelsekapital': { statement: 'cashFlow', kind: 'flow', label: 'Medel från verksamheten före förändring av rörelsekapital' },
  'forandring-av-kortfristiga-fordringar': { statement: 'cashFlow', kind: 'flow', label: 'Ökning/minskning av kortfristiga fordringar' },
  'forandring-av-forrad-och-varulager': { statement: 'cashFlow', kind: 'flow', label: 'Ökning/minskning av förråd och varulager' },
  'forandring-av-exploateringsfastigheter': { statement: 'cashFlow', kind: 'flow', label: 'Ökning/minskning av exploateringsfastigheter' },
  'forandring-av-kortfristiga-skulder': { statement: 'cashFlow', kind: 'flow', label: 'Ökning/minskning av kortfristiga skulder' },
  'kassaflode-fran-den-lopande-verksamheten': { statement: 'cashFlow', kind: 'flow', label: 'Kassaflöde från den löpande verksamheten' },
  'investering-i-immateriella-anlaggningstillgangar': { statement: 'cashFlow', kind: 'flow', label: 'Investering i immateriella anläggningstillgångar' },
  'investering-i-materiella-anlaggningstillgangar': { statement: 'cashFlow', kind: 'flow', label: 'Investering i materiella anläggningstillgångar' },
  'forsaljning-av-materiella-anlaggningstillgangar': { statement: 'cashFlow', kind: 'flow', label: 'Försäljning av materiella anläggningstillgångar' },
  'investering-i-finansiella-anlaggningstillgangar': { statement: 'cashFlow', kind: 'flow', label: 'Investering i finansiella anläggningstillgångar' },
  'forsaljning-av-finansiella-anlaggningstillgangar': { statement: 'cashFlow', kind: 'flow', label: 'Försäljning av finansiella anläggningstillgångar' },
  'kassaflode-fran-investeringsverksamheten': { statement: 'cashFlow', kind: 'flow', label: 'Kassaflöde från investeringsverksamheten' },
  'nyupptagna-lan': { statement: 'cashFlow', kind: 'flow', label: 'Nyupptagna lån' },
  'amortering-av-skuld': { statement: 'cashFlow', kind: 'flow', label: 'Amortering av skuld' },
  'forandring-av-langfristiga-fordringar': { statement: 'cashFlow', kind: 'flow', label: 'Ökning/minskning av långfristiga fordringar' },
  'kassaflode-fran-finansieringsverksamheten': { statement: 'cashFlow', kind: 'flow', label: 'Kassaflöde från finansieringsverksamheten' },
  'utbetalning-av-bidrag-till-statlig-infrastruktur': { statement: 'cashFlow', kind: 'flow', label: 'Utbetalning av bidrag till statlig infrastruktur' },
  'periodens-kassaflode': { statement: 'cashFlow', kind: 'flow', label: 'Periodens kassaflöde' },
  'likvida-medel-vid-periodens-borjan': { statement: 'cashFlow', kind: 'stock', label: 'Likvida medel vid periodens början' },
  'likvida-medel-vid-periodens-slut': { statement: 'cashFlow', kind: 'stock', label: 'Likvida medel vid periodens slut' },
  // balanskravsutredning
  realisationsvinster: { statement: 'balanceRequirement', kind: 'adjustment', label: 'Samtliga realisationsvinster' },
  'vissa-realisationsvinster-enligt-undantagsmojlighet': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Vissa realisationsvinster enligt undantagsmöjlighet' },
  'vissa-realisationsforluster-enligt-undantagsmojlighet': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Vissa realisationsförluster enligt undantagsmöjlighet' },
  'orealiserade-vinster-och-forluster-i-vardepapper': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Orealiserade vinster och förluster i värdepapper' },
  'aterforing-av-orealiserade-vinster-och-forluster-i-vardepapper': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Återföring av orealiserade vinster och förluster i värdepapper' },
  'arets-resultat-efter-balanskravsjusteringar': { statement: 'balanceRequirement', kind: 'result', label: 'Årets resultat efter balanskravsjusteringar' },
  'medel-till-resultatutjamningsreserv': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Medel till resultatutjämningsreserv' },
  'medel-fran-resultatutjamningsreserv': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Medel från resultatutjämningsreserv' },
  'balanskravsresultat': { statement: 'balanceRequirement', kind: 'result', label: 'Årets balanskravsresultat' },
  'balanskravsunderskott-fran-tidigare-ar': { statement: 'balanceRequirement', kind: 'adjustment', label: 'Balanskravsunderskott från tidigare år' },
  'balanskravsresultat-att-reglera': { statement: 'balanceRequirement', kind: 'result', label: 'Balanskravsresultat att reglera' },
  // VA-resultat
  'va-intakter': { statement: 'waterResult', kind: 'revenue', label: 'VA-verksamhetens intäkter' },
  'va-kostnader': { statement: 'waterResult', kind: 'cost', label: 'VA-verksamhetens kostnader' },
  'va-resultat': { statement: 'waterResult', kind: 'result', label: 'VA-verksamhetens resultat' },
} as const satisfies Record<string, StandardRow>;

/** A label as compared with RKR's: lower case, without parentheses ("(−)", "(+)"), spaces, full stops and colons at the end. */
function labelForm(label: string): string {
  return label.normalize('NFC').toLowerCase().replace(/\([^)]*\)/g, ' ').replace(/[\s\u00a0]+/g, ' ').replace(/\s*\/\s*/g, '/').replace(/[\s.:]+$/, '').trim();
}

/** Standard keys by statement and label form; årets resultat is a row of every statement but the VA-resultat. */
const KEY_BY_LABEL = new Map<string, Map<string, StandardRowKey>>();
for (const [key, row] of Object.entries(STANDARD_ROWS) as [StandardRowKey, StandardRow][]) {
  const statements = key === 'arets-resultat' ? ['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement'] : [row.statement];
  for (const statement of statements) {
    let byLabel = KEY_BY_LABEL.get(statement);
    if (!byLabel) KEY_BY_LABEL.set(statement, (byLabel = new Map()));
    byLabel.set(labelForm(row.label), key);
  }
}

/**
 * The standard key whose RKR label `label` is, in a table of `role` (a statement's role), if
 * any: "Verksamhetens intäkter" in a resultaträkning is `verksamhetens-intakter`. Case,
 * parentheses such as "(−)" and the spaces around a slash do not count.
 */
export function standardKeyOfLabel(label: string, role: string): StandardRowKey | undefined {
  return KEY_BY_LABEL.get(role)?.get(labelForm(label));
}

/** A standard row key. */
export type StandardRowKey = keyof typeof STANDARD_ROWS;

/** A standard row key, decoded with its list of allowed values. */
export const StandardRowKey = t.keyof(
  Object.fromEntries(Object.keys(STANDARD_ROWS).map((k) => [k, null])) as Record<StandardRowKey, null>,
  'standard row key (see STANDARD_ROWS, e.g. arets-resultat, summa-tillgangar)',
);

/** The roles of the financial statements (räkenskaper), which are reconciled with each other. */
export const STATEMENT_TABLE_ROLES: ReadonlySet<string> = new Set(['incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement', 'waterResult']);

/** The roles a table may have; the first five are the statements (räkenskaper). */
export const TABLE_ROLES = [
  'incomeStatement', 'balanceSheet', 'cashFlow', 'balanceRequirement', 'waterResult',
  'operatingStatement', 'investments', 'keyFigures', 'headline', 'premises', 'other',
] as const;

/**
 * How a statement writes signs: `signed` (RKR's uppställning: costs negative, revenues
 * positive) or `positive` (every amount positive, costs subtracted by the rows' formulas).
 */
export const SignConvention = t.keyof({ signed: null, positive: null }, 'sign convention (signed or positive)');
export type SignConvention = t.TypeOf<typeof SignConvention>;

/** The statements whose amounts are signed unless the table declares otherwise (a balansräkning has no costs). */
const SIGNED_ROLES: ReadonlySet<string> = new Set(['incomeStatement', 'cashFlow', 'balanceRequirement', 'waterResult']);

/**
 * How a table writes the signs of its revenues and costs: its own `signConvention`, else
 * `signed` for a resultaträkning, kassaflödesanalys, balanskravsutredning and VA-resultat;
 * undefined for other tables, whose signs are not checked.
 */
export function signConventionOf(table: { role?: string; signConvention?: SignConvention }): SignConvention | undefined {
  return table.signConvention ?? (table.role !== undefined && SIGNED_ROLES.has(table.role) ? 'signed' : undefined);
}

/** The html/pdf anchor of a note. */
export const noteAnchor = (noteId: string): string => `note-${noteId}`;
