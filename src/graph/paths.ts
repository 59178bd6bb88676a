/**
 * Where a pair's calendar lives in Graph. App-only tokens must address `/users/{id|upn}`; delegated
 * ones may use `/me` (graph-api.md §1). Ids go into paths as they are (case-sensitive); query values
 * are always percent-encoded, so a '+' in an offset travels as %2B (graph-api.md §5).
 */
export interface GraphCalendarRef {
  /** '/me' or '/users/{upn-or-id}' (already encoded). */
  readonly mailboxPath: string;
  /** The calendar id; undefined = the default calendar. */
  readonly calendarId?: string;
}

export function mailboxPath(user: string | undefined): string {
  return user ? `/users/${encodeURIComponent(user)}` : '/me';
}

/** The calendar's own path: `/users/x/calendars/{id}` or `/users/x/calendar`. */
export function calendarPath(ref: GraphCalendarRef): string {
  return ref.calendarId ? `${ref.mailboxPath}/calendars/${ref.calendarId}` : `${ref.mailboxPath}/calendar`;
}

export function eventPath(ref: GraphCalendarRef, id: string): string {
  return `${ref.mailboxPath}/events/${id}`;
}

export function query(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
}

/** The single-value extended property holding the CalDAV UID of an event we created (graph-api.md §9.5). */
export const CALDAV_UID_PROPERTY = 'String {4f0c2b8e-7d3a-4a5e-9b61-c8a1f2d3e4b5} Name calbridge.caldavUid';

/** Headers sent with every request: immutable ids, UTC times (graph-api.md §1, §8). */
export function preferHeader(extra: readonly string[] = []): Record<string, string> {
  return { Prefer: ['IdType="ImmutableId"', 'outlook.timezone="UTC"', ...extra].join(', ') };
}
