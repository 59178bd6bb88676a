/**
 * The `Prefer` request header. Graph honours `outlook.timezone="…"` (MGDC:api-reference/v1.0/api/event-get.md,
 * sample 06), `odata.maxpagesize=N` (MGDC:concepts/delta-query-events.md) and, on delta only,
 * `odata.track-changes` (graph-api.md §6.4: ignored on plain calendarView).
 */
export interface Preferences {
  readonly timeZone?: string;
  readonly bodyType?: 'text' | 'html';
  readonly maxPageSize?: number;
  readonly trackChanges: boolean;
}

export function parsePrefer(header: string | undefined): Preferences {
  if (!header) return { trackChanges: false };
  const tz = /outlook\.timezone\s*=\s*"([^"]*)"/i.exec(header) ?? /outlook\.timezone\s*=\s*([^,;"]+)/i.exec(header);
  const size = /odata\.maxpagesize\s*=\s*"?(\d+)"?/i.exec(header);
  const body = /outlook\.body-content-type\s*=\s*"?(text|html)"?/i.exec(header);
  const prefs: { timeZone?: string; bodyType?: 'text' | 'html'; maxPageSize?: number; trackChanges: boolean } = {
    trackChanges: /(^|[,\s])odata\.track-changes/i.test(header),
  };
  if (tz) prefs.timeZone = tz[1]!.trim();
  if (body) prefs.bodyType = body[1]!.toLowerCase() as 'text' | 'html';
  if (size && Number(size[1]) > 0) prefs.maxPageSize = Number(size[1]);
  return prefs;
}

/** The `Preference-Applied` value for what this response honoured. */
export function preferenceApplied(parts: readonly string[]): Record<string, string> {
  return parts.length === 0 ? {} : { 'preference-applied': parts.join(', ') };
}

export const timeZoneApplied = (name: string): string => `outlook.timezone="${name}"`;

export const bodyTypeApplied = (type: string): string => `outlook.body-content-type="${type}"`;
