import { badRequest } from './errors.js';

/**
 * The query string, decoded the way a web server does: '+' becomes a space (so an unencoded '+' in
 * an offset breaks the value, msgraph-sdk-javascript#529), names case-insensitive (the delta doc
 * itself sends `startdatetime`, MGDC:concepts/delta-query-events.md).
 */
export class QueryParams {
  private readonly values = new Map<string, string>();

  constructor(rawQuery: string) {
    for (const part of rawQuery.split('&')) {
      if (part === '') continue;
      const eq = part.indexOf('=');
      const name = decodeQueryComponent(eq < 0 ? part : part.slice(0, eq));
      const value = eq < 0 ? '' : decodeQueryComponent(part.slice(eq + 1));
      this.values.set(name.toLowerCase(), value);
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }

  /** A non-negative integer option such as $top/$skip, or undefined. */
  integer(name: string): number | undefined {
    const raw = this.get(name);
    if (raw === undefined) return undefined;
    if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for query option '${name}'.`);
    return Number(raw);
  }

  /** `$select=subject,start` → ['subject','start'] (undefined when absent). */
  select(): string[] | undefined {
    const raw = this.get('$select');
    if (raw === undefined) return undefined;
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
}

function decodeQueryComponent(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw badRequest(`The query string '${s}' is not correctly encoded.`);
  }
}
