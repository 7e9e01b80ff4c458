// Comparison values from Kolada: the `kolada.comparisons` of the config resolved to the Kolada
// ids they are made of (riket 0000, the län 00 + its two digits, a group G…, named kommuner),
// with the labels Kolada gives them, and the values of one KPI read from a data answer. A
// named set of kommuner becomes one series with the unweighted mean of their values (as
// Kolada computes a group's value), or with `each: true` one series per kommun.
import type { Diagnostic } from '@kommunrapport/model';
import { getAll, groupMembers, unreachable, type KoladaClientOptions, type KoladaDataPoint, type KoladaGroup, type KoladaMunicipality } from './client.js';
import type { KoladaComparisonRequest } from './settings.js';

/** Kolada's id of riket (the whole country). */
export const RIKET_ID = '0000';

/** Kolada's id of a kommun's län (region): 00 and the first two digits of the kommunkod, e.g. 0484 → 0004. */
export const countyId = (kommun: string): string => `00${kommun.slice(0, 2)}`;

/** A comparison series resolved: the Kolada ids its values come from and how it is written. */
export interface ComparisonTarget {
  /** The position of its request in `kolada.comparisons` (several targets share it with `each: true`). */
  request: number;
  of: KoladaComparisonRequest['of'];
  label: string;
  /** One id (riket, län, group, one kommun), or the kommuner whose values are averaged. */
  ids: string[];
  koladaGroupId?: string;
  /** The names of named kommuner, as the model records them. */
  municipalities?: string[];
  /** Only these indicators; every indicator with a KPI id when absent. */
  indicators?: string[];
}

/** Where a request sits in the config, for diagnostics. */
export type RequestPlace = (request: number, key?: string) => { file?: string; line?: number; column?: number; path: string };

/** The targets, and the problems met resolving them (`unreachable` when Kolada could not be asked). */
export interface ResolvedComparisons {
  targets: ComparisonTarget[];
  diagnostics: Diagnostic[];
  unreachable: boolean;
}

/** Checks the requests, asks Kolada for the names of riket, the län, named kommuner and groups, and returns the series to fetch. */
export async function resolveComparisons(requests: readonly KoladaComparisonRequest[], kommun: string, client: KoladaClientOptions, place: RequestPlace): Promise<ResolvedComparisons> {
  const diagnostics: Diagnostic[] = [];
  const invalid = (i: number, key: string, message: string, hint: string) => diagnostics.push({ code: 'kolada-comparison-invalid', severity: 'error', ...place(i, key), message, hint });
  requests.forEach((r, i) => {
    if (r.of === 'group' && r.group === undefined) invalid(i, 'of', 'A comparison of: group names no group.', 'Give the Kolada id of the group of kommuner, e.g. group: G124026 (kolada.se lists the groups under "Kommungrupper").');
    if (r.of === 'municipalities' && (r.municipalities ?? []).length === 0) invalid(i, 'of', 'A comparison of: municipalities names no kommuner.', 'List their kommunkoder, e.g. municipalities: ["0480", "0580"].');
    if (r.group !== undefined && r.of !== 'group') invalid(i, 'group', `group: is given for a comparison of: ${r.of}.`, 'Write of: group, or remove group:.');
    if (r.municipalities !== undefined && r.of !== 'municipalities') invalid(i, 'municipalities', `municipalities: is given for a comparison of: ${r.of}.`, 'Write of: municipalities, or remove municipalities:.');
    if (r.each !== undefined && r.of !== 'municipalities') invalid(i, 'each', `each: is given for a comparison of: ${r.of}.`, 'each: true makes one series per named kommun; it belongs to of: municipalities.');
  });
  if (diagnostics.length > 0) return { targets: [], diagnostics, unreachable: false };

  // Names of riket, the län and named kommuner, in one request.
  const ids = [...new Set(requests.flatMap((r) => (r.of === 'country' ? [RIKET_ID] : r.of === 'county' ? [countyId(kommun)] : r.of === 'municipalities' ? r.municipalities! : [])))].sort();
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const m = await getAll<KoladaMunicipality>(`municipality/${ids.join(',')}`, client);
    if (!m.ok) return { targets: [], diagnostics: [unreachable(place(0), `the kommuner ${ids.join(', ')}`, m)], unreachable: true };
    for (const v of m.values) if (typeof v?.id === 'string' && typeof v.title === 'string') names.set(v.id, v.title);
  }
  const groups = new Map<string, KoladaGroup>();
  for (const [i, r] of requests.entries()) {
    if (r.of !== 'group' || groups.has(r.group!)) continue;
    const g = await getAll<KoladaGroup>(`municipality_groups/${r.group}`, client);
    if (!g.ok) return { targets: [], diagnostics: [...diagnostics, unreachable(place(i, 'group'), `the group ${r.group}`, g)], unreachable: true };
    const found = g.values.find((v) => v?.id === r.group);
    if (!found) {
      diagnostics.push({
        code: 'kolada-unknown-group',
        severity: 'error',
        ...place(i, 'group'),
        message: `Kolada has no group of kommuner "${r.group}".`,
        expected: 'the id of a Kolada group of kommuner (municipality_groups), e.g. G124026',
        found: JSON.stringify(r.group),
        hint: 'Look the group up on kolada.se (or GET /v3/municipality_groups?title=…) and correct group:, or remove the comparison.',
      });
      continue;
    }
    groups.set(r.group!, found);
    if (!groupMembers(found).includes(kommun)) {
      diagnostics.push({
        code: 'kolada-group-not-member',
        severity: 'warning',
        ...place(i, 'group'),
        message: `Kommun ${kommun} is not a member of ${found.title} (${r.group}); its values are written all the same.`,
        hint: "Check the group's id: a kommungrupp to compare with is usually one the kommun belongs to.",
      });
    }
  }
  const targets: ComparisonTarget[] = [];
  for (const [i, r] of requests.entries()) {
    const common = { request: i, of: r.of, ...(r.indicators ? { indicators: r.indicators } : {}) };
    const nameOf = (id: string) => names.get(id);
    if (r.of === 'country' || r.of === 'county') {
      const id = r.of === 'country' ? RIKET_ID : countyId(kommun);
      if (!nameOf(id)) {
        diagnostics.push({ code: 'kolada-unknown-municipality', severity: 'error', ...place(i, 'of'), message: `Kolada does not list ${r.of === 'country' ? 'riket' : `the län of kommun ${kommun}`} (id ${id}).`, hint: 'Check the kommun\'s code (municipality.code in the report).' });
        continue;
      }
      targets.push({ ...common, label: r.label ?? nameOf(id)!, ids: [id] });
    } else if (r.of === 'group') {
      const g = groups.get(r.group!);
      if (g) targets.push({ ...common, label: r.label ?? g.title, ids: [g.id], koladaGroupId: g.id });
    } else {
      const unknown = r.municipalities!.filter((id) => !nameOf(id));
      if (unknown.length > 0) {
        diagnostics.push({
          code: 'kolada-unknown-municipality',
          severity: 'error',
          ...place(i, 'municipalities'),
          message: `Kolada has no kommun ${unknown.map((u) => `"${u}"`).join(', ')}.`,
          expected: 'kommunkoder of four digits, e.g. "0480"',
          found: JSON.stringify(unknown),
          hint: 'Correct the codes under municipalities: (SCB\'s kommunkoder, as Kolada uses them).',
        });
        continue;
      }
      const members = r.municipalities!;
      if (r.each) for (const id of members) targets.push({ ...common, label: r.label && members.length === 1 ? r.label : nameOf(id)!, ids: [id], municipalities: [nameOf(id)!] });
      else targets.push({ ...common, label: r.label ?? `${members.map((id) => nameOf(id)!).join(', ')} (ovägt medel)`, ids: [...members], municipalities: members.map((id) => nameOf(id)!) });
    }
  }
  return { targets, diagnostics, unreachable: false };
}

/** The number of decimals a value is written with. */
const decimalsOf = (n: number): number => (Number.isInteger(n) ? 0 : (String(n).split('.')[1]?.length ?? 0));

/** A target's value per year from a data answer; a mean only for years every member has a value, the others listed with the members lacking one. */
export function targetValues(target: ComparisonTarget, kpi: string, points: readonly KoladaDataPoint[], years: readonly number[]): { values: Map<number, number>; lacking: Map<number, string[]> } {
  const total = new Map<string, number>();
  for (const p of points) {
    if (p.kpi !== kpi || !target.ids.includes(p.municipality)) continue;
    const v = p.values?.find((x) => x.gender === 'T')?.value;
    if (typeof v === 'number' && Number.isFinite(v)) total.set(`${p.municipality} ${Number(p.period)}`, v);
  }
  const values = new Map<number, number>();
  const lacking = new Map<number, string[]>();
  for (const year of years) {
    const got = target.ids.map((id) => total.get(`${id} ${year}`));
    const missing = target.ids.filter((_, k) => got[k] === undefined);
    if (missing.length > 0) {
      lacking.set(year, missing);
      continue;
    }
    const nums = got as number[];
    if (nums.length === 1) values.set(year, nums[0]!);
    else {
      // The unweighted mean, with one decimal more than the most precise member value.
      const places = Math.max(...nums.map(decimalsOf)) + 1;
      values.set(year, Number((nums.reduce((a, b) => a + b, 0) / nums.length).toFixed(places)));
    }
  }
  return { values, lacking };
}
