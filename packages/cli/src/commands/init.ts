// `kommunrapport init <folder> [--preset …] [--kommun …] [--kommunkod …] [--body …]`: writes
// <folder>/rapport.yaml, a starting report for another kommun that validates as it is. It
// shows every kind of section (text, summary, overview, legend, a perspective with one area,
// a goal with an indicator, a commitment, a finance table, internal control), so it can grow
// into either shape: process areas under perspectives, or målområden med nämndmål. A report of
// the kommun (--level kommun or sammanstalld) or a kommunalförbund (--level forbund) gets the
// räkenskaper instead of a nämnd's finance table: resultaträkning, balansräkning, kassaflödesanalys and balanskravsutredning with the
// standard row keys, figures that reconcile; it also opens with the chief executive's comment
// and a förvaltningsberättelse (all its parts in an årsredovisning, the simplified one in a
// delårsrapport).
import { existsSync, realpathSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { STANDARD_ROWS, formatDiagnostic, hasErrors, loadReport, parseReportPeriod, presets, reportSchemaId, type PresetName, type ReportPeriod, type ReportKindKey, type StandardRowKey } from '@kommunrapport/model';
import { EXIT, type CommandContext } from '../io.js';
import { CLI_DIR } from '../first-party.js';
import { runInitFrom } from './roll-forward.js';
import { refuseToWrite, writeOwnFile } from '../write-own-file.js';

/** Options of the init command. */
export interface InitOptions {
  preset?: string;
  kommun?: string;
  kommunkod?: string;
  body?: string;
  /** The report's year (default: the year of SOURCE_DATE_EPOCH, else the current year). */
  year?: string;
  /** interim, tertial, annual or other (default: what the period suggests). */
  kind?: string;
  /** The period: 2024-08, 2024-T1, 2024-D2, 2024 or helar; the year may be left out (then --year's). */
  period?: string;
  /** kommun, namnd, bolag or sammanstalld (default namnd). */
  level?: string;
  force?: boolean;
  /** Last period's report to roll forward instead of writing a skeleton. */
  from?: string;
  /** Print the result as JSON. */
  json?: boolean;
}

const KINDS: ReportKindKey[] = ['interim', 'tertial', 'annual', 'other'];
const LEVELS = ['kommun', 'namnd', 'bolag', 'forbund', 'sammanstalld'] as const;
type Level = (typeof LEVELS)[number];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The values a starting report is made from. */
export interface SkeletonInput {
  preset: PresetName;
  kommun: string;
  kommunkod: string;
  body: string;
  year: number;
  /** The `$schema` reference written in the first line. */
  schema: string;
  /** The report kind (default interim). */
  kind?: ReportKindKey;
  /** The period (default delår 2: per 31 augusti). */
  period?: ReportPeriod;
  /** Whose report it is (default namnd). */
  level?: Level;
}

const PRESETS = Object.keys(presets) as PresetName[];

/** The heading of the opening comment, by whose report it is. */
const MANAGER_SV: Record<Level, string> = {
  namnd: 'Förvaltningschefens bedömning',
  kommun: 'Kommundirektörens kommentar',
  sammanstalld: 'Kommundirektörens kommentar',
  forbund: 'Förbundschefens kommentar',
  bolag: 'Verkställande direktörens kommentar',
};
const MANAGER_EN: Record<Level, string> = {
  namnd: 'Assessment of the head of administration',
  kommun: 'Comments of the chief executive',
  sammanstalld: 'Comments of the chief executive',
  forbund: 'Comments of the director of the association',
  bolag: 'Comments of the managing director',
};

/**
 * The förvaltningsberättelse of a kommun's or kommunalförbund's report, as headings with a
 * line each saying what belongs there: in an årsredovisning every part the law on kommunal
 * accounting (LKBR, chapter 11) and RKR's recommendation on the förvaltningsberättelse ask
 * for; in a delårsrapport or other follow-up the simplified one (RKR's recommendation on
 * delårsrapport): significant events, sound financial management, the balanskrav and the
 * expected development, with the forecast for the year.
 */
function managementReport(en: boolean, kind: ReportKindKey, level: Level): string {
  const annual = kind === 'annual';
  const own = level === 'forbund' ? (en ? 'the association' : 'förbundet') : en ? 'the municipality' : 'kommunen';
  const parts: [id: string, title: string, body: string, annualOnly?: true][] = en
    ? [
        ['development-overview', 'Overview of the development of operations', `Show how the operations and finances of ${own} have developed over the last five years, for instance as a table of key figures.`, true],
        [level === 'forbund' ? 'organisation' : 'municipal-group', level === 'forbund' ? 'Organisation of the association' : 'The municipal group', level === 'forbund' ? 'Describe the association: its members, its board and what it does for them.' : 'Describe the organisation: committees, companies and associations, and the share owned.', true],
        ['important-conditions', 'Important conditions for results and financial position', 'Describe what matters for judging the result and financial position but is not seen in the statements: risks, pensions, the economy of the population served.', true],
        ['significant-events', 'Significant events', `Describe events of significant importance to ${own} during the period or after its end.`],
        ['governance-and-follow-up', 'Governance and follow-up', 'Describe how the operations are governed, followed up and controlled.', true],
        ['sound-financial-management', 'Sound financial management and financial position', annual ? 'Assess whether the goals for sound financial management were met, financial and operational.' : 'Assess whether the goals for sound financial management will be met, with the forecast for the year.'],
        ['balance-requirement', 'Balanced budget requirement result', annual ? 'Give the result after the adjustments of the balanced budget requirement, and how a deficit will be restored.' : 'Give the forecast of the balanced budget requirement result for the year.'],
        ['staff', 'Significant staff matters', 'Describe the staff: numbers, sick leave, skills supply.', true],
        ['expected-development', 'Expected development', annual ? `Describe the expected development of ${own} in the coming years.` : 'Describe the expected development for the rest of the year, with the forecast of the result.'],
      ]
    : [
        ['oversikt-over-utvecklingen', 'Översikt över verksamhetens utveckling', `Visa hur ${own}s verksamhet och ekonomi har utvecklats de senaste fem åren, gärna som en tabell med nyckeltal.`, true],
        [level === 'forbund' ? 'forbundets-organisation' : 'den-kommunala-koncernen', level === 'forbund' ? 'Förbundets organisation' : 'Den kommunala koncernen', level === 'forbund' ? 'Beskriv förbundet: medlemmarna, direktionen och vad förbundet gör för dem.' : 'Beskriv organisationen: nämnder, bolag och förbund, och ägarandelarna.', true],
        ['viktiga-forhallanden', 'Viktiga förhållanden för resultat och ekonomisk ställning', 'Beskriv det som är viktigt för att bedöma resultatet och den ekonomiska ställningen men inte syns i räkenskaperna: risker, pensioner, befolkningens utveckling.', true],
        ['vasentliga-handelser', 'Händelser av väsentlig betydelse', `Beskriv händelser av väsentlig betydelse för ${own} under perioden eller efter dess slut.`],
        ['styrning-och-uppfoljning', 'Styrning och uppföljning av verksamheten', 'Beskriv hur verksamheten styrs, följs upp och kontrolleras.', true],
        ['god-ekonomisk-hushallning', 'God ekonomisk hushållning och ekonomisk ställning', annual ? 'Bedöm om målen för god ekonomisk hushållning har uppnåtts, de finansiella och de för verksamheten.' : 'Bedöm om målen för god ekonomisk hushållning kommer att uppnås, med prognosen för året.'],
        ['balanskravet', 'Balanskravsresultat', annual ? 'Redovisa resultatet efter balanskravsjusteringar, och hur ett underskott ska återställas.' : 'Redovisa prognosen för årets balanskravsresultat.'],
        ['personalforhallanden', 'Väsentliga personalförhållanden', 'Beskriv personalen: antal, sjukfrånvaro, kompetensförsörjning.', true],
        ['forvantad-utveckling', 'Förväntad utveckling', annual ? `Beskriv ${own}s förväntade utveckling de närmaste åren.` : 'Beskriv den förväntade utvecklingen under resten av året, med prognosen för resultatet.'],
      ];
  const sections = parts
    .filter(([, , , annualOnly]) => annual || !annualOnly)
    .map(([id, title, body]) => `      - id: ${id}
        type: text
        title: ${q(title)}
        body: ${q(body)}
`)
    .join('');
  const title = en ? 'Administration report' : 'Förvaltningsberättelse';
  return `  - id: ${slug(title)}
    type: text
    title: ${q(title)}
    sections:
${sections}`;
}

/** The abbreviation of a nämnd or styrelse: initials, with the last part of a compound (…nämnden, …styrelsen). */
export function abbreviate(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => w !== '' && !/^(och|and|of|for|för)$/i.test(w));
  let out = '';
  for (const w of words) {
    out += w[0]!.toUpperCase();
    const m = /(nämnd|nämnden|styrelse|styrelsen|committee|board)$/i.exec(w);
    if (m && m.index > 0) out += m[0][0]!.toUpperCase();
  }
  return out || 'N';
}

/** A lowercase a–z/0–9 slug for ids (å, ä, ö become a, a, o). */
export function slug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'x';
}

/**
 * Where the editor finds the JSON Schema, relative to the report's folder: the model package
 * in the nearest node_modules above the folder when there is one (stable across machines),
 * else the model package this command uses; its `$id` URL when neither has the file.
 */
export function schemaReference(folder: string): string {
  const toPosix = (p: string) => p.split(sep).join('/');
  for (let dir = resolve(folder); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', '@kommunrapport', 'model', 'schema', 'report.schema.json');
    if (existsSync(candidate)) return toPosix(relative(resolve(folder), candidate));
    if (dirname(dir) === dir) break;
  }
  try {
    const entry = createRequire(join(CLI_DIR, 'noop.js')).resolve('@kommunrapport/model');
    for (let dir = dirname(entry); dirname(dir) !== dir; dir = dirname(dir)) {
      if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schema', 'report.schema.json'))) {
        const file = realpathSync(join(dir, 'schema', 'report.schema.json'));
        const schema = JSON.parse(readFileSync(file, 'utf8')) as { $id?: string };
        const rel = toPosix(relative(existsSync(folder) ? realpathSync(folder) : resolve(folder), file));
        return rel !== '' ? rel : (schema.$id ?? rel);
      }
    }
  } catch {
    /* fall through */
  }
  return reportSchemaId();
}

const q = (s: string) => JSON.stringify(s);

/** The text of a starting report; it validates without findings. */
export function skeleton(input: SkeletonInput): string {
  const g = presets[input.preset];
  const en = g.language === 'en';
  const abbr = input.level === 'kommun' ? 'KF' : abbreviate(input.body);
  const y = input.year;
  const period = input.period ?? parseReportPeriod(`${y}-D2`)!;
  const kind = input.kind ?? period.kind;
  const endMonth = Number(period.end.slice(5, 7));
  const endDay = Number(period.end.slice(8, 10));
  const suffix = endMonth === 12 ? 'helar' : (endMonth === 4 || endMonth === 8) && kind !== 'other' ? `${kind === 'tertial' ? 't' : 'd'}${endMonth / 4}` : `m${period.end.slice(5, 7)}`;
  const id = `${input.kommunkod}-${slug(abbr)}-${y}-${suffix}`;
  const enLabel = endMonth === 1 ? `January ${y}` : `January–${MONTHS_EN[endMonth - 1]} ${y}`;
  const enAsOf = `as of ${endDay} ${MONTHS_EN[endMonth - 1]} ${y}`;
  const titleSv = { interim: `Delårsrapport ${period.asOf}`, tertial: `Tertialrapport ${period.asOf}`, annual: `Årsredovisning ${y}`, other: `Uppföljning ${period.asOf}` }[kind];
  const titleEn = { interim: `Interim report ${enAsOf}`, tertial: `Four-month report ${enAsOf}`, annual: `Annual report ${y}`, other: `Follow-up report ${enAsOf}` }[kind];
  const outcomeSv = endMonth === 12 ? 'Utfall helår' : endMonth === 1 ? 'Utfall jan' : `Utfall jan–${period.label.split('–')[1]!.split(' ')[0]!.slice(0, 3)}`;
  const outcomeEn = endMonth === 12 ? 'Outcome full year' : endMonth === 1 ? 'Outcome Jan' : `Outcome Jan–${MONTHS_EN[endMonth - 1]!.slice(0, 3)}`;
  const T = en
    ? {
        title: titleEn,
        label: endMonth === 12 ? String(y) : enLabel,
        summary: 'Write a short summary of the period here: the most important results, the financial outcome and what happens next.',
        manager: MANAGER_EN[input.level ?? 'namnd'],
        managerBody: 'Describe the overall assessment here.\n\n- One point per line in a list\n- *Emphasis* and [links](https://example.org) work too',
        overview: 'Overview',
        legend: 'Key to the symbols',
        perspective: 'Sustainable development',
        area: 'Business and work',
        areaBody: 'Describe the results of the area here.',
        goal: 'The business climate shall improve',
        goalBody: 'Comment on the goal and its indicators.',
        indicator: 'Business climate index',
        commitment: 'Produce more detailed plans',
        commitmentBody: 'Describe how the commitment is going.',
        finance: 'Finance',
        table: 'Income statement',
        rowHeader: 'Item',
        outcome: outcomeEn,
        budget: 'Budget full year',
        forecast: 'Forecast full year',
        deviation: 'Deviation',
        revenue: 'Revenue',
        cost: 'Costs',
        result: 'Result',
        control: 'Internal control',
        controlItem: 'Follow-up of the internal control plan',
        controlBody: 'Describe the results of the internal control here.',
        group: 'all committees and companies',
        groupDescription: 'Every committee and municipal company',
      }
    : {
        title: titleSv,
        label: endMonth === 12 ? String(y) : period.label,
        summary: 'Skriv en kort sammanfattning av perioden här: de viktigaste resultaten, det ekonomiska utfallet och vad som händer framåt.',
        manager: MANAGER_SV[input.level ?? 'namnd'],
        managerBody: 'Beskriv den samlade bedömningen här.\n\n- En punkt per rad i en lista\n- *Betoning* och [länkar](https://example.org) fungerar också',
        overview: 'Översikt',
        legend: 'Förklaring av symboler',
        perspective: 'Hållbar utveckling',
        area: 'Näringsliv och arbete',
        areaBody: 'Beskriv områdets resultat här.',
        goal: 'Företagsklimatet ska förbättras',
        goalBody: 'Kommentera målet och dess indikatorer.',
        indicator: 'Företagsklimat enligt Insikt (NKI)',
        commitment: 'Ta fram fler detaljplaner',
        commitmentBody: 'Beskriv hur åtagandet går.',
        finance: 'Ekonomi',
        table: 'Resultaträkning',
        rowHeader: 'Post',
        outcome: outcomeSv,
        budget: 'Budget helår',
        forecast: 'Prognos helår',
        deviation: 'Avvikelse',
        revenue: 'Intäkter',
        cost: 'Kostnader',
        result: 'Resultat',
        control: 'Intern styrning och kontroll',
        controlItem: 'Uppföljning av internkontrollplanen',
        controlBody: 'Beskriv resultatet av internkontrollen här.',
        group: 'alla nämnder och bolag',
        groupDescription: 'Samtliga nämnder och kommunala bolag',
      };
  const key = (steps: readonly { key: string }[], i: number) => (steps.length === 0 ? undefined : steps[Math.min(i, steps.length - 1)]!.key);
  const assessment = key(g.assessment, 1);
  const trend = key(g.trend, 0);
  const status = key(g.commitmentStatus, 1);
  const completion = key(g.completion, 1);
  const opt = (indent: string, name: string, value: string | undefined) => (value === undefined ? '' : `${indent}${name}: ${value}\n`);
  const namndFinance = `  - id: ${en ? 'finance' : 'ekonomi'}
    type: finance
    title: ${q(T.finance)}
    tables:
      - id: ${en ? 'income-statement' : 'resultatrakning'}
        title: ${q(T.table)}
        unit: tkr
        role: incomeStatement
        rowHeader: ${q(T.rowHeader)}
        columns:
          - { key: ${en ? 'outcome' : 'utfall'}, label: ${q(T.outcome)}, kind: outcome, year: ${y} }
          - { key: budget, label: ${q(T.budget)}, kind: budget, year: ${y} }
          - { key: ${en ? 'forecast' : 'prognos'}, label: ${q(T.forecast)}, kind: forecast, year: ${y} }
          # ${en ? 'The deviation is forecast − budget: positive is a surplus.' : 'Avvikelsen är prognos − budget: positiv är ett överskott.'}
          - { key: ${en ? 'deviation' : 'avvikelse'}, label: ${q(T.deviation)}, kind: deviation, differenceOf: [${en ? 'forecast' : 'prognos'}, budget] }
        rows:
          - { id: ${en ? 'revenue' : 'intakter'}, label: ${q(T.revenue)}, kind: revenue, values: { ${en ? 'outcome' : 'utfall'}: 700, budget: 1000, ${en ? 'forecast' : 'prognos'}: 1100, ${en ? 'deviation' : 'avvikelse'}: 100 } }
          - { id: ${en ? 'costs' : 'kostnader'}, label: ${q(T.cost)}, kind: cost, values: { ${en ? 'outcome' : 'utfall'}: -3400, budget: -5000, ${en ? 'forecast' : 'prognos'}: -5050, ${en ? 'deviation' : 'avvikelse'}: -50 } }
          - id: ${en ? 'result' : 'resultat'}
            label: ${q(T.result)}
            kind: result
            sumOf: [${en ? 'revenue' : 'intakter'}, ${en ? 'costs' : 'kostnader'}]
            values: { ${en ? 'outcome' : 'utfall'}: -2700, budget: -4000, ${en ? 'forecast' : 'prognos'}: -3950, ${en ? 'deviation' : 'avvikelse'}: 50 }
`;
  return `# yaml-language-server: $schema=${input.schema}
#
# ${en ? 'A starting report made by `kommunrapport init`. It validates as it is: replace the' : 'En startrapport från `kommunrapport init`. Den validerar som den är: byt ut'}
# ${en ? 'texts and figures, add areas, goals and tables. Check it with' : 'texter och siffror, lägg till områden, mål och tabeller. Kontrollera med'}
#   kommunrapport validate rapport.yaml
# ${en ? 'Two shapes grow from here: perspectives with process areas (as below), or' : 'Två former växer härifrån: perspektiv med processområden (som nedan), eller'}
# ${en ? 'målområden with nämndmål (one perspective per målområde, goals under its area).' : 'målområden med nämndmål (ett perspektiv per målområde, målen under dess område).'}

id: ${id}
kind: ${kind}
${input.level && input.level !== 'namnd' ? `level: ${input.level}\n` : ''}title: ${q(T.title)}
period:
  year: ${y}
  label: ${q(T.label)}
  start: ${period.start}
  end: ${period.end}
${input.level === 'forbund' ? `# ${en ? "The kommun of the association's seat (säte, as the förbundsordning names it), and its member kommuner: one line each." : 'Kommunen där förbundet har sitt säte (enligt förbundsordningen) och medlemskommunerna: en rad per kommun.'}\n` : ''}municipality:
  name: ${q(input.kommun)}
  code: ${q(input.kommunkod)}
${input.level === 'forbund' ? `members:\n  - { name: ${q(input.kommun)}, code: ${q(input.kommunkod)} }\n` : ''}body:
  name: ${q(input.body)}
  abbreviation: ${q(abbr)}
language: ${g.language === 'en' ? 'en' : 'sv'}
# ${en ? 'The governance vocabulary: a preset, or { preset, levels, assessment, trend, … } to change parts.' : 'Styrmodellens ord och skalor: en förinställning, eller { preset, levels, assessment, trend, … } för att ändra delar.'}
governance: ${input.preset}
organisations:
  bodies:
    - abbreviation: ${q(abbr)}
      name: ${q(input.body)}
      kind: ${input.level === 'kommun' ? 'other' : input.level === 'bolag' ? 'company' : input.level === 'forbund' || /styrelse|direktion/i.test(input.body) || /board/i.test(input.body) ? 'board' : 'committee'}
  groups:
    - name: ${q(T.group)}
      description: ${q(T.groupDescription)}
summary: ${q(T.summary)}
sections:
  - id: ${en ? 'summary' : 'sammanfattning'}
    type: summary
  - id: ${slug(T.manager)}
    type: text
    title: ${q(T.manager)}
    body: |
${T.managerBody.split('\n').map((l) => (l === '' ? '' : `      ${l}`)).join('\n')}
${input.level === 'kommun' || input.level === 'sammanstalld' || input.level === 'forbund' ? managementReport(en, kind, input.level) : ''}  - id: ${en ? 'overview' : 'oversikt'}
    type: overview
    title: ${q(T.overview)}
  - id: ${en ? 'legend' : 'symboler'}
    type: legend
    title: ${q(T.legend)}
  - id: ${slug(T.perspective)}
    type: perspective
    title: ${q(T.perspective)}
    areas:
      - id: ${slug(T.area)}
        title: ${q(T.area)}
${opt('        ', 'assessment', assessment)}${opt('        ', 'trend', trend)}        body: ${q(T.areaBody)}
        goals:
          - id: ${slug(T.goal).slice(0, 40).replace(/-+$/, '')}
            title: ${q(T.goal)}
            body: ${q(T.goalBody)}
            indicators:
              - id: ${en ? 'business-climate' : 'foretagsklimat'}
                name: ${q(T.indicator)}
                unit: index
                higherIsBetter: true
                values:
                  - year: ${y - 1}
                    kind: outcome
                    total: 70
                  - year: ${y}
                    kind: target
                    total: 72
        commitments:
          - id: ${slug(T.commitment).slice(0, 40).replace(/-+$/, '')}
            title: ${q(T.commitment)}
            responsible: [${q(abbr)}]
${opt('            ', 'status', status)}${opt('            ', 'completion', completion)}            body: ${q(T.commitmentBody)}
${input.level === 'kommun' || input.level === 'sammanstalld' || input.level === 'forbund' ? statementsSkeleton(en, y, period, input.level === 'forbund') : namndFinance}  - id: ${en ? 'internal-control' : 'intern-kontroll'}
    type: internalControl
    title: ${q(T.control)}
    items:
      - title: ${q(T.controlItem)}
        body: ${q(T.controlBody)}
${opt('        ', 'assessment', key(g.assessment, 0))}`;
}

/**
 * The räkenskaper of a kommun-level report (or the sammanställd redovisning's): resultaträkning,
 * balansräkning, kassaflödesanalys and balanskravsutredning in mnkr, with the standard row keys
 * (labels from STANDARD_ROWS, RKR's own), heading rows, sums and formulas, figures that
 * reconcile (the balansräkning balances, årets resultat and likvida medel agree), so the
 * author replaces figures and the check says at once where they no longer agree.
 */
function statementsSkeleton(en: boolean, y: number, period: ReportPeriod, forbund: boolean): string {
  const month = period.end.slice(5, 7);
  const flow = month === '12' ? String(y) : `${y}-ack-${month}`;
  const enLabel = month === '12' ? String(y) : month === '01' ? `January ${y}` : `January–${MONTHS_EN[Number(month) - 1]} ${y}`;
  const outcome = en ? `Outcome ${enLabel}` : `Utfall ${period.label}`;
  const date = en ? `${Number(period.end.slice(8, 10))} ${MONTHS_EN[Number(month) - 1]} ${y}` : period.asOf.replace(/^per /, '');
  const entity = forbund ? `{ label: ${en ? 'The association' : 'Förbundet'}, entity: forbundet` : `{ label: ${en ? 'The municipality' : 'Kommunen'}, entity: kommunen`;
  const group = (columns: string) => `          columnGroups:\n            - ${entity}, columns: [${columns}] }\n`;
  type Row = [id: string, key: StandardRowKey | '', kind: string, value: number | undefined, extra?: string];
  const rows = (list: Row[], col: string) =>
    list
      .map(([id, key, kind, value, extra]) => {
        const label = key !== '' ? STANDARD_ROWS[key].label : { 'anlaggningstillgangar': 'Anläggningstillgångar', 'omsattningstillgangar': 'Omsättningstillgångar', 'eget-kapital': 'Eget kapital', 'avsattningar': 'Avsättningar', 'skulder': 'Skulder', 'lopande': 'Den löpande verksamheten', 'rorelsekapital': 'Förändring av rörelsekapital', 'investering': 'Investeringsverksamheten', 'finansiering': 'Finansieringsverksamheten' }[id] ?? id;
        const parts = [`id: ${id}`, `label: ${q(label)}`, ...(key !== '' ? [`key: ${key}`] : []), `kind: ${kind}`, ...(extra ? [extra] : []), ...(value !== undefined ? [`values: { ${col}: ${value.toFixed(1)} }`] : [])];
        return `            - { ${parts.join(', ')} }`;
      })
      .join('\n');
  const table = (id: string, title: string, role: string, columns: string, list: Row[], col: string) =>
    `      - id: ${id}\n        type: table\n        table:\n          id: ${id}\n          title: ${q(title)}\n          role: ${role}\n          unit: mnkr\n          decimals: 1\n          rowHeader: ${en ? 'Item' : 'Post'}\n${group(col)}          columns:\n${columns}          rows:\n${rows(list, col)}\n`;
  const flowColumn = `            - { key: utfall, label: ${q(outcome)}, kind: outcome, year: ${y}, period: ${q(flow)} }\n`;
  const dateColumn = `            - { key: utfall, label: ${q(date)}, kind: outcome, year: ${y}, period: ${period.end} }\n`;
  return `  - id: ${en ? 'financial-statements' : 'rakenskaper'}
    type: text
    title: ${q(en ? 'Financial statements' : 'Räkenskaper')}
    body: ${q(en ? 'Amounts in million kronor; income without sign, costs with a minus sign. Replace the figures: the check says where they no longer agree.' : 'Belopp i miljoner kronor; intäkter utan tecken och kostnader med minustecken. Byt ut siffrorna: kontrollen säger var de inte längre stämmer.')}
    sections:
${table('resultatrakning', en ? 'Income statement (resultaträkning)' : 'Resultaträkning', 'incomeStatement', flowColumn, [
    ['intakter', 'verksamhetens-intakter', 'revenue', 400],
    ['kostnader', 'verksamhetens-kostnader', 'cost', -2300],
    ['avskrivningar', 'avskrivningar', 'cost', -100],
    ['nettokostnader', 'verksamhetens-nettokostnader', 'subtotal', -2000, 'sumOf: [intakter, kostnader, avskrivningar]'],
    ['skatteintakter', 'skatteintakter', 'revenue', 1600],
    ['statsbidrag', 'generella-statsbidrag-och-utjamning', 'revenue', 470],
    ['verksamhetens-resultat', 'verksamhetens-resultat', 'subtotal', 70, 'formula: "nettokostnader + skatteintakter + statsbidrag"'],
    ['finansiella-intakter', 'finansiella-intakter', 'revenue', 10],
    ['finansiella-kostnader', 'finansiella-kostnader', 'cost', -8],
    ['efter-finansiella', 'resultat-efter-finansiella-poster', 'subtotal', 72, 'formula: "verksamhetens-resultat + finansiella-intakter + finansiella-kostnader"'],
    ['arets-resultat', 'arets-resultat', 'result', 72, 'formula: "efter-finansiella"'],
  ], 'utfall')}${table('balansrakning', en ? 'Balance sheet (balansräkning)' : 'Balansräkning', 'balanceSheet', dateColumn, [
    ['anlaggningstillgangar', '', 'heading', undefined],
    ['mark-byggnader', 'mark-byggnader-och-tekniska-anlaggningar', 'item', 3400],
    ['maskiner', 'maskiner-och-inventarier', 'item', 200],
    ['summa-anl', 'summa-anlaggningstillgangar', 'subtotal', 3600, 'sumOf: [mark-byggnader, maskiner]'],
    ['omsattningstillgangar', '', 'heading', undefined],
    ['fordringar', 'fordringar', 'item', 300],
    ['likvida-medel', 'likvida-medel', 'item', 100],
    ['summa-oms', 'summa-omsattningstillgangar', 'subtotal', 400, 'sumOf: [fordringar, likvida-medel]'],
    ['summa-tillgangar', 'summa-tillgangar', 'total', 4000, 'sumOf: [summa-anl, summa-oms]'],
    ['eget-kapital', '', 'heading', undefined],
    ['arets-resultat', 'arets-resultat', 'item', 72],
    ['ovrigt-ek', 'ovrigt-eget-kapital', 'item', 1828],
    ['summa-ek', 'summa-eget-kapital', 'subtotal', 1900, 'sumOf: [arets-resultat, ovrigt-ek]'],
    ['avsattningar', '', 'heading', undefined],
    ['pensioner', 'avsattningar-for-pensioner', 'item', 200],
    ['summa-avs', 'summa-avsattningar', 'subtotal', 200, 'sumOf: [pensioner]'],
    ['skulder', '', 'heading', undefined],
    ['langfristiga', 'langfristiga-skulder', 'item', 1300],
    ['kortfristiga', 'kortfristiga-skulder', 'item', 600],
    ['summa-skulder', 'summa-skulder', 'subtotal', 1900, 'sumOf: [langfristiga, kortfristiga]'],
    ['summa-ek-avs-skulder', 'summa-eget-kapital-avsattningar-och-skulder', 'total', 4000, 'sumOf: [summa-ek, summa-avs, summa-skulder]'],
  ], 'utfall')}${table('kassaflodesanalys', en ? 'Cash flow statement (kassaflödesanalys)' : 'Kassaflödesanalys', 'cashFlow', flowColumn, [
    ['lopande', '', 'heading', undefined],
    ['resultat', 'arets-resultat', 'item', 72],
    ['avskrivningar', 'justering-for-av-och-nedskrivningar', 'item', 100],
    ['fore-rorelsekapital', 'medel-fran-verksamheten-fore-forandring-av-rorelsekapital', 'subtotal', 172, 'sumOf: [resultat, avskrivningar]'],
    ['rorelsekapital', '', 'item', -12],
    ['summa-lopande', 'kassaflode-fran-den-lopande-verksamheten', 'subtotal', 160, 'sumOf: [fore-rorelsekapital, rorelsekapital]'],
    ['investering', '', 'heading', undefined],
    ['investeringar', 'investering-i-materiella-anlaggningstillgangar', 'item', -200],
    ['summa-investering', 'kassaflode-fran-investeringsverksamheten', 'subtotal', -200, 'sumOf: [investeringar]'],
    ['finansiering', '', 'heading', undefined],
    ['nya-lan', 'nyupptagna-lan', 'item', 100],
    ['amortering', 'amortering-av-skuld', 'item', -40],
    ['summa-finansiering', 'kassaflode-fran-finansieringsverksamheten', 'subtotal', 60, 'sumOf: [nya-lan, amortering]'],
    ['periodens-kassaflode', 'periodens-kassaflode', 'subtotal', 20, 'sumOf: [summa-lopande, summa-investering, summa-finansiering]'],
    ['lm-borjan', 'likvida-medel-vid-periodens-borjan', 'item', 80],
    ['lm-slut', 'likvida-medel-vid-periodens-slut', 'total', 100, 'formula: "lm-borjan + periodens-kassaflode"'],
  ], 'utfall')}${table('balanskravsutredning', en ? 'Balance requirement (balanskravsutredning)' : 'Balanskravsutredning', 'balanceRequirement', flowColumn, [
    ['arets-resultat', 'arets-resultat', 'item', 72],
    ['realisationsvinster', 'realisationsvinster', 'item', -2],
    ['efter-justeringar', 'arets-resultat-efter-balanskravsjusteringar', 'subtotal', 70, 'formula: "arets-resultat + realisationsvinster"'],
    ['till-rur', 'medel-till-resultatutjamningsreserv', 'item', 0],
    ['fran-rur', 'medel-fran-resultatutjamningsreserv', 'item', 0],
    ['balanskravsresultat', 'balanskravsresultat', 'result', 70, 'formula: "efter-justeringar - till-rur + fran-rur"'],
  ], 'utfall')}`;
}

/** The year a new report is for: SOURCE_DATE_EPOCH's year when set, else this year. */
function defaultYear(env: Record<string, string | undefined>): number {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).getUTCFullYear();
  return new Date().getUTCFullYear();
}

/** Runs the init command; resolves to the exit code. */
export function runInit(folder: string, options: InitOptions, ctx: CommandContext, env: Record<string, string | undefined> = process.env): number {
  const { io } = ctx;
  if (options.from !== undefined) return runInitFrom(folder, options.from, { force: options.force === true, json: options.json === true }, ctx);
  const usage = (message: string) => {
    io.stderr(`kommunrapport init: ${message}\n`);
    return EXIT.usage;
  };
  const preset = (options.preset ?? 'generic') as PresetName;
  if (!PRESETS.includes(preset)) return usage(`unknown preset "${options.preset}". Known presets: ${PRESETS.join(', ')}.`);
  const kommunkod = options.kommunkod ?? '0000';
  if (!/^\d{4}$/.test(kommunkod)) return usage(`--kommunkod must be the kommun's 4-digit code from SCB, e.g. 0484 for Eskilstuna; found "${kommunkod}".`);
  const year = options.year === undefined ? defaultYear(env) : Number(options.year);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return usage(`--year must be a year such as 2025; found "${options.year}".`);
  const en = presets[preset].language === 'en';
  const level = (options.level ?? 'namnd') as Level;
  if (!LEVELS.includes(level)) return usage(`--level must be one of ${LEVELS.join(', ')}; found "${options.level}".`);
  let period: ReportPeriod | undefined;
  if (options.period !== undefined) {
    const text = /^\d{4}/.test(options.period) ? options.period : `${year}-${options.period}`;
    period = parseReportPeriod(text);
    if (!period) return usage(`--period must be a month (2024-08: per 31 augusti), a tertial (T1, T2, T3), a delår (D1, D2), or a whole year (2024 or helar), with or without the year; found "${options.period}".`);
  }
  if (options.kind !== undefined && !KINDS.includes(options.kind as ReportKindKey)) return usage(`--kind must be one of ${KINDS.join(', ')}; found "${options.kind}".`);
  const kind = options.kind as ReportKindKey | undefined;
  const kommun = options.kommun ?? (en ? 'Example' : 'Exempelkommun');
  const body = options.body ?? (level === 'kommun' ? (en ? 'Municipal Council' : 'Kommunfullmäktige') : level === 'forbund' ? (en ? 'Board of the association' : 'Förbundsdirektionen') : en ? 'Municipal Executive Board' : 'Kommunstyrelsen');
  if (kommun.trim() === '' || body.trim() === '') return usage('--kommun and --body must not be empty.');

  const dir = resolve(io.cwd, folder);
  const file = join(dir, 'rapport.yaml');
  const shown = relative(io.cwd, file).split(sep).join('/');
  // Never through a symbolic link, dangling or not: it could point anywhere outside the folder.
  const refused = refuseToWrite(file, shown, options.force === true);
  if (refused !== undefined) return usage(refused);
  const make = (names: { kommun: string; body: string }) =>
    skeleton({ preset, ...names, kommunkod, year: period?.year ?? year, schema: schemaReference(dir), level, ...(kind ? { kind } : {}), ...(period ? { period } : {}) });
  const text = make({ kommun, body });
  // Never write a skeleton that does not validate. When the one with the default names does,
  // the names given are at fault (a control character, a line break pasted in): a usage
  // error naming the options, with the model's own findings. Otherwise it is this command's bug.
  const loaded = loadReport(text, shown);
  if (hasErrors(loaded.diagnostics) && !hasErrors(loadReport(make({ kommun: 'Exempelkommun', body: 'Kommunstyrelsen' }), shown).diagnostics)) {
    const findings = loaded.diagnostics.filter((d) => d.severity === 'error').map((d) => formatDiagnostic(d)).join('\n');
    return usage(`--kommun "${kommun}" or --body "${body}" cannot be written into a report:\n${findings}\nWrite the names on one line, without control characters (retype them if they were copied from another program).`);
  }
  if (hasErrors(loaded.diagnostics)) {
    io.stderr(`kommunrapport init: internal error, the starting report does not validate:\n${loaded.diagnostics.map((d) => formatDiagnostic(d)).join('\n')}\n`);
    return EXIT.invalid;
  }
  try {
    writeOwnFile(file, text, options.force === true);
  } catch (error) {
    return usage(`cannot write ${shown}: ${(error as Error).message}`);
  }
  if (options.json) io.stdout(`${JSON.stringify({ ok: true, file: shown, kommun, kommunkod, body, preset, year: period?.year ?? year }, null, 2)}\n`);
  else io.stdout(`Wrote ${shown} (${kommun} ${kommunkod}, ${body}, preset ${preset}, ${period?.year ?? year}).\nNext: edit it, then run\n  kommunrapport validate ${shown}\n  kommunrapport preview ${shown}\n`);
  return EXIT.ok;
}

/** Adds `init` to the program. */
export function register(program: Command, ctx: CommandContext): void {
  program
    .command('init')
    .description('write a starting report (rapport.yaml) for a kommun that validates as it is')
    .argument('<folder>', 'the folder to write rapport.yaml into (created when missing)')
    .option('--preset <name>', `governance vocabulary: ${PRESETS.join(', ')}`, 'generic')
    .option('--kommun <name>', 'the kommun’s name, e.g. Eskilstuna (for --level forbund: the kommun of the förbund’s seat, also written as its first member)')
    .option('--kommunkod <code>', 'the kommun’s 4-digit code from SCB, e.g. 0484')
    .option('--body <name>', 'the nämnd or styrelse, e.g. Kommunstyrelsen')
    .option('--year <year>', 'the report’s year (default: this year, or SOURCE_DATE_EPOCH’s)')
    .option('--kind <kind>', 'the report kind: interim (delårsrapport), tertial, annual (årsredovisning) or other (default: what the period suggests)')
    .option('--period <period>', 'the period from 1 januari: 2024-08 (per 31 augusti), T1, T2, T3 (tertial), D1, D2 (delår 1 and 2), 2024 or helar (whole year); default D2')
    .option('--level <level>', 'whose report: kommun (to kommunfullmäktige), namnd (default), bolag, forbund (a kommunalförbund, with räkenskaper) or sammanstalld')
    .option('--force', 'replace an existing rapport.yaml')
    .option('--json', 'print what was written as JSON')
    .option('--from <report>', 'roll last period\'s report forward: same structure and ids, outcome columns shifted a year, statuses reset, texts kept and listed under revise:')
    .addHelpText('after', '\nExit codes: 0 written, 2 usage problem, existing file or I/O problem.')
    .action((folder: string, options: InitOptions) => {
      ctx.exit(runInit(folder, options, ctx));
    });
}
