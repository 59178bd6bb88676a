import { occurrenceId } from './ids.js';
import { instancesIn, overlaps, type SeriesInstance } from './series.js';
import type { Mailbox, StoredEvent } from './store.js';
import { storedTimeToMs } from './time.js';

/**
 * What calendarView, instances and calendarView/delta return: single instances plus expanded
 * occurrences and exceptions, never series masters (MGDC:api-reference/v1.0/api/user-list-calendarview.md;
 * graph-api.md §14 item 2).
 */
export type ViewItem =
  | { readonly kind: 'single'; readonly event: StoredEvent; readonly startMs: number; readonly endMs: number }
  | ({ readonly kind: 'instance' } & SeriesInstance);

export interface Window {
  readonly fromMs: number;
  readonly toMs: number;
}

export function viewItemId(item: ViewItem): string {
  return item.kind === 'single' ? item.event.id : occurrenceId(item.master.id, item.key);
}

/** The version a delta round compares: a series shares its master's changeKey. */
export function viewItemChangeKey(item: ViewItem): string {
  return item.kind === 'single' ? item.event.changeKey : item.master.changeKey;
}

export function seriesView(master: StoredEvent, w: Window): ViewItem[] {
  return instancesIn(master, w.fromMs, w.toMs).map((i) => ({ kind: 'instance', ...i }));
}

/** All view items of the given calendars in the window, by start then id. */
export function calendarView(mailbox: Mailbox, calendarIds: ReadonlySet<string>, w: Window): ViewItem[] {
  const out: ViewItem[] = [];
  for (const event of mailbox.events.values()) {
    if (!calendarIds.has(event.calendarId)) continue;
    if (event.recurrence) {
      out.push(...seriesView(event, w));
      continue;
    }
    const startMs = storedTimeToMs(event.content.start);
    const endMs = storedTimeToMs(event.content.end);
    if (overlaps(startMs, endMs, w.fromMs, w.toMs)) out.push({ kind: 'single', event, startMs, endMs });
  }
  return out.sort((a, b) => a.startMs - b.startMs || (viewItemId(a) < viewItemId(b) ? -1 : 1));
}
