import { resolveGraphZone } from '../../../src/convert/timezones/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { convertLocal } from '../../../src/model/index.js';

/**
 * What Graph answers to a POST of `payload` without a Prefer header, as documented
 * (graph-api.md §2, §8, §14): times in UTC with 7 fraction digits (all-day stays midnight),
 * originalStartTimeZone = the zone written, body wrapped in Outlook's HTML, recurrence filled
 * with defaults, server bookkeeping added. A test double of the service, not of calbridge.
 */
export function graphEcho(payload: GraphEvent, extra: GraphEvent = {}): GraphEvent {
  const time = (t: GraphEvent['start']): GraphEvent['start'] => {
    if (!t) return t;
    const local = t.dateTime.slice(0, 19);
    const zone = resolveGraphZone(t.timeZone);
    if (payload.isAllDay || zone.kind !== 'iana') return { dateTime: `${local}.0000000`, timeZone: 'UTC' };
    return { dateTime: `${convertLocal(local, zone.tz, 'UTC')}.0000000`, timeZone: 'UTC' };
  };
  const body = payload.body;
  const html = !body
    ? ''
    : body.contentType === 'html'
      ? body.content
      : body.content.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>\r\n');
  const wrapped = /^<html/i.test(html)
    ? html
    : `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
  const r = payload.recurrence;
  return {
    '@odata.etag': 'W/"echo"',
    id: 'AAMk-echo',
    changeKey: 'echo',
    createdDateTime: '2026-01-01T00:00:00Z',
    lastModifiedDateTime: '2026-01-01T00:00:00Z',
    iCalUId: 'ECHO-UID',
    type: r ? 'seriesMaster' : 'singleInstance',
    categories: [],
    importance: 'normal',
    sensitivity: 'normal',
    showAs: 'busy',
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    isCancelled: false,
    isAllDay: false,
    onlineMeeting: null,
    onlineMeetingUrl: null,
    locations: [],
    location: { displayName: '', locationType: 'default', uniqueIdType: 'unknown' },
    ...payload,
    ...(payload.locations ? { location: payload.locations[0] } : {}),
    ...(payload.location ? { locations: [payload.location] } : {}),
    originalStartTimeZone: payload.start?.timeZone ?? null,
    originalEndTimeZone: payload.end?.timeZone ?? null,
    start: time(payload.start),
    end: time(payload.end),
    body: { contentType: 'html', content: wrapped },
    bodyPreview: html.slice(0, 255),
    attendees: (payload.attendees ?? []).map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
    recurrence: r
      ? {
          pattern: { month: 0, dayOfMonth: 0, firstDayOfWeek: 'sunday', index: 'first', daysOfWeek: [], ...r.pattern },
          range: {
            endDate: '0001-01-01',
            numberOfOccurrences: 0,
            recurrenceTimeZone: payload.start?.timeZone ?? 'UTC',
            ...r.range,
          },
        }
      : null,
    ...extra,
  };
}
