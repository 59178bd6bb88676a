import { isoUtc, localToEpochMs } from './instant.js';
import type { EventTime } from './time.js';
import type { OccurrenceKey } from './event.js';

/**
 * The key of an occurrence in its series, from its original start:
 * zoned → UTC instant 'YYYY-MM-DDTHH:mm:ssZ'; date → 'YYYY-MM-DD'; floating → the local string.
 * Graph's `originalStart` (UTC) and iCalendar's RECURRENCE-ID meet on this key.
 */
export function occurrenceKey(t: EventTime): OccurrenceKey {
  switch (t.kind) {
    case 'zoned':
      return isoUtc(localToEpochMs(t.local, t.tz));
    case 'floating':
      return t.local;
    case 'date':
      return t.date;
  }
}
