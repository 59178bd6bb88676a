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
