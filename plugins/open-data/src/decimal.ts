// Numbers written from their shortest decimal form, never from arithmetic, so an output
// never shows a float artefact such as 352.29999999999995.

/** The plain decimal form of a finite number (no exponent): `1e-7` → `0.0000001`. */
export function plainDecimal(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`plainDecimal: not a finite number: ${n}`);
  if (Object.is(n, -0)) return '0';
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa = '', expText = '0'] = s.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const body = negative ? mantissa.slice(1) : mantissa;
  const dot = body.indexOf('.');
  const digits = body.replace('.', '');
  const point = (dot < 0 ? body.length : dot) + Number(expText);
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + trimDecimal(out);
}

function trimDecimal(s: string): string {
  let out = s;
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  out = out.replace(/^(-?)0+(?=\d)/, '$1');
  return out === '-0' ? '0' : out;
}

/**
 * A number as published, with at least `decimals` decimals (padded with zeros, as the
 * table or indicator declares them). Never rounds: a value with more decimals keeps them.
 */
export function decimalString(n: number, decimals?: number): string {
  const s = plainDecimal(n);
  if (decimals === undefined || decimals <= 0) return s;
  const dot = s.indexOf('.');
  const have = dot < 0 ? 0 : s.length - dot - 1;
  if (have >= decimals) return s;
  return (dot < 0 ? `${s}.` : s) + '0'.repeat(decimals - have);
}

/** Multiplies a decimal string by 10^places by moving the point: `352.3`, 3 → `352300`. */
export function shiftDecimal(s: string, places: number): string {
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  const padded = frac + '0'.repeat(Math.max(0, places - frac.length));
  const out = trimDecimal(`${int}${padded.slice(0, places)}${padded.length > places ? `.${padded.slice(places)}` : ''}`);
  return out === '0' ? '0' : (negative ? '-' : '') + out;
}
