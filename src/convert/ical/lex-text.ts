/**
 * RFC 5545 §3.3.11 TEXT unescaping exactly as ical.js decodes TEXT values: "\\" "\;" "\," "\n" "\N"
 * are replaced, any other backslash stays as written. A loop instead of ical.js's regex with a
 * replacer callback, because DESCRIPTION and X-ALT-DESC bodies are long and full of "\n".
 */
export function unescapeIcalText(value: string): string {
  let slash = value.indexOf('\\');
  if (slash === -1) return value;
  let out = '';
  let from = 0;
  while (slash !== -1 && slash + 1 < value.length) {
    const next = value.charCodeAt(slash + 1);
    // \\ ; , N n
    if (next === 92 || next === 59 || next === 44 || next === 78 || next === 110) {
      out += value.slice(from, slash) + (next === 78 || next === 110 ? '\n' : value[slash + 1]);
      from = slash + 2;
      slash = value.indexOf('\\', from);
    } else {
      slash = value.indexOf('\\', slash + 1);
    }
  }
  return out + value.slice(from);
}

/**
 * ical.js's DATE-TIME decoding ("20260301T100000" → "2026-03-01T10:00:00", a "Z" at index 15
 * kept; index 8 and anything past 15 ignored) for the 15- and 16-character values it is made for,
 * as one flat string: its twelve slices and joins make a rope every later reader flattens again.
 */
export function dateTimeFromIcal(v: string): string {
  const text = String.fromCharCode(
    v.charCodeAt(0), v.charCodeAt(1), v.charCodeAt(2), v.charCodeAt(3), 45,
    v.charCodeAt(4), v.charCodeAt(5), 45, v.charCodeAt(6), v.charCodeAt(7), 84,
    v.charCodeAt(9), v.charCodeAt(10), 58, v.charCodeAt(11), v.charCodeAt(12), 58, v.charCodeAt(13), v.charCodeAt(14),
  );
  return v.charCodeAt(15) === 90 ? `${text}Z` : text;
}
