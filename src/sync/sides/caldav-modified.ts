/**
 * When the object was last changed, from its LAST-MODIFIED (RFC 5545 §3.8.7.3, always UTC): the newest of its
 * VEVENTs, since editing one occurrence is editing the item. Undefined when no client stamped it (newest-wins
 * then falls back to Graph, plan.ts winnerFor).
 */
export function icsLastModified(ics: string): number | undefined {
  const unfolded = ics.replace(/\r?\n[ \t]/g, '');
  let newest: number | undefined;
  for (const m of unfolded.matchAll(/^LAST-MODIFIED(?:;[^:\r\n]*)?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\r?$/gim)) {
    const [, y, mo, d, h, mi, s] = m.map(Number);
    const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    if (newest === undefined || ms > newest) newest = ms;
  }
  return newest;
}
