// Kolada's open API (https://api.kolada.se/v3, the same data shape as v2): KPI metadata from
// `/kpi/{id}`, kommuner, regions and riket from `/municipality/{ids}`, groups of kommuner from
// `/municipality_groups/{id}` and values from `/data/kpi/{kpi}/municipality/{ids}/year/{years}`
// (an id may be a group's, whose value is the unweighted mean of its members), each answer
// `{ values: [...], count, next_url? }` (v3 names the next page `next_url`, v2 `next_page`; both
// are followed). Responses can be kept in and read from a cache folder, so the command runs
// offline; nothing here throws for a network or server problem.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '@kommunrapport/model';

/** The default address of the API; `--base-url` or KOMMUNRAPPORT_KOLADA_URL replace it. */
export const KOLADA_BASE_URL = 'https://api.kolada.se/v3';

/** One gender's value: T total, K kvinnor, M män. */
export interface KoladaGenderValue {
  gender: 'T' | 'K' | 'M' | string;
  value: number | null;
  status?: string;
  count?: number;
}

/** One data point: a KPI for a municipality (or group) and a period. */
export interface KoladaDataPoint {
  kpi: string;
  municipality: string;
  period: number | string;
  values: KoladaGenderValue[];
}

/** A KPI's metadata (the fields used here). */
export interface KoladaKpi {
  id: string;
  title: string;
  is_divided_by_gender?: number | boolean;
  unit?: string;
}

/** A kommun, a region (län) or riket (`0000`) as `/municipality` lists them; type K kommun, L region or riket. */
export interface KoladaMunicipality {
  id: string;
  title: string;
  type?: string;
}

/** A group of kommuner as `/municipality_groups` lists it; v3 names a member's fields `member_id`/`member_title`, v2 `id`/`title`. */
export interface KoladaGroup {
  id: string;
  title: string;
  members?: { member_id?: string; member_title?: string; id?: string; title?: string }[];
}

/** The ids of a group's members, in either version's field names. */
export const groupMembers = (g: KoladaGroup): string[] => (g.members ?? []).map((m) => m.member_id ?? m.id).filter((id): id is string => typeof id === 'string');

/** An answer: the values, or the problem. */
export type Fetched<T> = { ok: true; values: T[]; date?: string; url: string; cached: boolean } | { ok: false; url: string; problem: string; hint?: string };

/** How to reach Kolada: the base address, an optional cache folder, and whether the network may be used. */
export interface KoladaClientOptions {
  baseUrl: string;
  cache?: string;
  offline?: boolean;
  fetch?: typeof fetch;
  /** Told of every answer read: its address, the cache file it came from or went to, and whether it came from the cache (for --verbose). */
  onRead?: (read: { url: string; cached: boolean; cacheFile?: string; values: number }) => void;
}

/** The cache file of a request path: `data/kpi/N00090/municipality/0484/year/2021,2022` → `data_kpi_N00090_municipality_0484_year_2021,2022.json`. */
export function cacheName(path: string): string {
  return `${path.replace(/^\/+/, '').replace(/[/?&=]+/g, '_')}.json`;
}

function isPage(u: unknown): u is { values: unknown[]; next_url?: string | null; next_page?: string | null } {
  return typeof u === 'object' && u !== null && Array.isArray((u as { values?: unknown }).values);
}

/** The fix for a cached answer that is not one: the network is not the problem. */
const damagedCache = (file: string) => `The cached answer is damaged (cut short or edited): delete ${file} and run again without --offline to fetch it anew, or put back the recorded answer.`;

/** Gets every page of `path` (following `next_url` or `next_page`), from the cache when it has it. */
export async function getAll<T>(path: string, options: KoladaClientOptions): Promise<Fetched<T>> {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/${path}`;
  const cacheFile = options.cache ? join(options.cache, cacheName(path)) : undefined;
  if (cacheFile) {
    try {
      const body = JSON.parse(await readFile(cacheFile, 'utf8')) as unknown;
      if (!isPage(body)) return { ok: false, url, problem: `the cached answer ${cacheFile} has no "values" list`, hint: damagedCache(cacheFile) };
      options.onRead?.({ url, cached: true, cacheFile, values: body.values.length });
      return { ok: true, values: body.values as T[], url, cached: true };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, url, problem: `the cached answer ${cacheFile} cannot be read: ${(e as Error).message}`, hint: damagedCache(cacheFile) };
    }
  }
  if (options.offline) return { ok: false, url, problem: `no cached answer ${cacheFile ?? cacheName(path)} and --offline forbids the network` };
  const doFetch = options.fetch ?? fetch;
  const values: unknown[] = [];
  let date: string | undefined;
  let next: string | undefined = url;
  for (let page = 0; next && page < 50; page++) {
    let response: Response;
    try {
      response = await doFetch(next, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(30_000) });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
      const why = cause?.code ?? cause?.errors?.[0]?.code ?? cause?.message ?? (e as Error).message;
      return { ok: false, url: next, problem: `Kolada cannot be reached (${why})` };
    }
    if (!response.ok) return { ok: false, url: next, problem: `Kolada answered HTTP ${response.status} ${response.statusText}`.trim() };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, url: next, problem: 'Kolada answered with something that is not JSON' };
    }
    if (!isPage(body)) return { ok: false, url: next, problem: 'Kolada\'s answer has no "values" list' };
    values.push(...body.values);
    const header = response.headers.get('date');
    if (header && date === undefined && !Number.isNaN(Date.parse(header))) date = new Date(Date.parse(header)).toISOString().slice(0, 10);
    next = body.next_url ?? body.next_page ?? undefined;
  }
  if (cacheFile) {
    await mkdir(options.cache!, { recursive: true });
    await writeFile(cacheFile, `${JSON.stringify({ values, count: values.length }, null, 2)}\n`);
  }
  options.onRead?.({ url, cached: false, ...(cacheFile ? { cacheFile } : {}), values: values.length });
  return { ok: true, values: values as T[], url, cached: false, ...(date ? { date } : {}) };
}

/** The finding for an answer that could not be had: what was asked, the problem and the address. */
export function unreachable(place: { file?: string; line?: number; column?: number; path: string }, what: string, failed: { problem: string; url: string; hint?: string }): Diagnostic {
  return {
    code: 'kolada-unreachable',
    severity: 'error',
    ...place,
    message: `Cannot get ${what} from Kolada: ${failed.problem}.`,
    found: failed.url,
    hint: failed.hint ?? 'Check the network and --base-url, or run with --cache <folder> holding recorded answers.',
  };
}
