import assert from 'node:assert/strict';
import fc from 'fast-check';
import { icsToItem, itemToIcs } from '../../../src/convert/ical/index.js';
import type { CalendarItem, CalendarSeries, EventFields, SingleEvent } from '../../../src/model/index.js';
import { dateValue, floating, localToEpochMs, zoned } from '../../../src/model/index.js';
import { contentLines, occ, pythonIcalendarAccepts, pythonOccurrenceStarts } from './helpers.js';

const berlin = (local: string) => zoned(local, 'Europe/Berlin');

const FULL_FIELDS: Partial<EventFields> = {
  summary: 'Board meeting; Q3, "final"',
  description: 'Line one\nLine two; with, punctuation \\ backslash',
  descriptionHtml: '<p>Line one<br>Line two; with, <b>punctuation</b> \\ backslash</p>',
  locations: [
    { displayName: 'HQ, Room 4', geo: { latitude: 52.52, longitude: 13.405 } },
    { displayName: 'Online', geo: { latitude: -33.8688, longitude: 151.2093 } },
    { displayName: 'Annex' },
  ],
  categories: ['Board', 'Red, urgent'],
  busyStatus: 'oof',
  sensitivity: 'personal',
  importance: 'low',
  reminderMinutesBefore: 90,
  status: 'cancelled',
  onlineMeetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc?x=1,2',
  organizer: { email: 'boss@contoso.com', name: 'The Boss' },
  attendees: [
    { email: 'a@contoso.com', name: 'Doe, A', role: 'required', status: 'accepted' },
    { email: 'b@contoso.com', role: 'optional', status: 'declined' },
    { email: 'c@contoso.com', name: 'C', role: 'chair', status: 'tentative' },
    { email: 'room@contoso.com', name: 'Room', role: 'resource', status: 'needs-action' },
    { email: 'd@contoso.com', role: 'required', status: 'delegated' },
  ],
};

const fullSingle: SingleEvent = {
  kind: 'single',
  uid: 'full-1@calbridge',
  event: occ(berlin('2026-03-28T22:00:00'), zoned('2026-03-29T05:00:00', 'America/New_York'), FULL_FIELDS),
};

const dstSeries: CalendarSeries = {
  kind: 'series',
  uid: 'series-1@calbridge',
  master: occ(berlin('2026-03-16T09:00:00'), berlin('2026-03-16T09:30:00'), { summary: 'Standup', reminderMinutesBefore: 5 }),
  // UNTIL at the end of the Berlin day, not on the last occurrence: python-recurring-ical-events 2.0.1
  // (the oracle below) reads a UTC UNTIL as local wall time and would drop an occurrence that starts on it.
  rule: { freq: 'WEEKLY', interval: 1, until: zoned('2026-05-04T21:59:59', 'UTC'), byDay: [{ day: 'MO' }, { day: 'WE' }] },
  rdates: [berlin('2026-05-10T09:00:00')],
  overrides: {
    '2026-03-30T07:00:00Z': occ(berlin('2026-03-31T14:00:00'), berlin('2026-03-31T14:30:00'), { summary: 'Standup (moved)' }),
    '2026-03-18T08:00:00Z': occ(berlin('2026-03-18T08:00:00'), berlin('2026-03-18T08:45:00'), {
      summary: 'Standup',
      attendees: [{ email: 'x@example.org', role: 'required', status: 'accepted' }],
    }),
  },
  cancelled: ['2026-03-23T08:00:00Z', '2026-04-06T07:00:00Z'],
};

const allDaySeries: CalendarSeries = {
  kind: 'series',
  uid: 'allday-1@calbridge',
  master: occ(dateValue('2026-12-24'), dateValue('2026-12-27'), { summary: 'Holidays', busyStatus: 'free' }),
  rule: { freq: 'YEARLY', interval: 1, count: 5 },
  overrides: { '2027-12-24': occ(dateValue('2027-12-23'), dateValue('2027-12-27'), { summary: 'Holidays (long)' }) },
  cancelled: ['2028-12-24'],
};

const floatingSingle: SingleEvent = {
  kind: 'single',
  uid: 'float-1',
  event: occ(floating('2026-06-01T07:00:00'), floating('2026-06-01T07:30:00'), { summary: 'Wake up' }),
};

const roundTrip = (item: CalendarItem): CalendarItem => icsToItem(itemToIcs(item)).item;

describe('itemToIcs', () => {
  for (const [name, item] of [
    ['a single event with every mapped field set', fullSingle],
    ['a series across DST with overrides, EXDATEs and an RDATE', dstSeries],
    ['an all-day series with a date override and a date EXDATE', allDaySeries],
    ['a floating event', floatingSingle],
  ] as const) {
    it(`re-parses to an equal item: ${name}`, () => {
      assert.deepEqual(roundTrip(item), item);
    });
  }

  it('writes one VCALENDAR: VERSION, PRODID, no METHOD, DTSTAMP, UTC with Z, VALUE=DATE for all-day', () => {
    const lines = contentLines(itemToIcs({ ...floatingSingle, event: occ(zoned('2026-06-01T07:00:00', 'UTC'), dateValue('2026-06-02')) }));
    assert.equal(lines.filter((l) => l === 'BEGIN:VCALENDAR').length, 1);
    assert.ok(lines.includes('VERSION:2.0'));
    assert.ok(lines.includes('PRODID:-//calbridge//calbridge//EN'));
    assert.ok(!lines.some((l) => l.startsWith('METHOD')));
    assert.ok(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
    assert.ok(lines.includes('DTSTART:20260601T070000Z'));
    assert.ok(lines.includes('DTEND;VALUE=DATE:20260602'));
    assert.ok(!lines.some((l) => l.startsWith('BEGIN:VTIMEZONE')), 'UTC needs no VTIMEZONE');
    assert.ok(contentLines(itemToIcs(floatingSingle, { prodId: '-//x//y//EN' })).includes('PRODID:-//x//y//EN'));
  });

  it('emits a VTIMEZONE for every TZID used, with the TZID spelled as in the values', () => {
    const lines = contentLines(itemToIcs({ ...fullSingle, event: { ...fullSingle.event, end: zoned('2026-03-29T05:00:00', 'Asia/Calcutta') } }));
    const tzids = lines.filter((l) => l.startsWith('TZID:')).sort();
    assert.deepEqual(tzids, ['TZID:Asia/Calcutta', 'TZID:Europe/Berlin']);
    assert.ok(lines.includes('DTEND;TZID=Asia/Calcutta:20260329T050000'));
  });

  it('writes RECURRENCE-ID and EXDATE in the form of the master DTSTART, RRULE from the rule', () => {
    const lines = contentLines(itemToIcs(dstSeries));
    assert.ok(lines.includes('RECURRENCE-ID;TZID=Europe/Berlin:20260330T090000'));
    assert.ok(lines.includes('EXDATE;TZID=Europe/Berlin:20260323T090000,20260406T090000'));
    assert.ok(lines.some((l) => l.startsWith('RRULE:') && l.includes('FREQ=WEEKLY') && l.includes('UNTIL=20260504T215959Z')));
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 3);
    assert.equal(lines.filter((l) => l === 'UID:series-1@calbridge').length, 3);
    const allDay = contentLines(itemToIcs(allDaySeries));
    assert.ok(allDay.includes('RECURRENCE-ID;VALUE=DATE:20271224'));
    assert.ok(allDay.includes('EXDATE;VALUE=DATE:20281224'));
  });

  it('puts SCHEDULE-AGENT=CLIENT on ORGANIZER and every ATTENDEE', () => {
    const lines = contentLines(itemToIcs(fullSingle)).filter((l) => /^(ORGANIZER|ATTENDEE)[;:]/.test(l));
    assert.equal(lines.length, 6);
    for (const l of lines) assert.match(l, /;SCHEDULE-AGENT=CLIENT[;:]/);
  });

  it('output is accepted by python3-icalendar', () => {
    assert.equal(pythonIcalendarAccepts(itemToIcs(fullSingle)), 'DAYLIGHT,DAYLIGHT,STANDARD,STANDARD,VALARM,VCALENDAR,VEVENT,VTIMEZONE,VTIMEZONE');
    assert.match(pythonIcalendarAccepts(itemToIcs(dstSeries)), /^(DAYLIGHT,)+(STANDARD,)+VALARM,VCALENDAR,VEVENT,VEVENT,VEVENT,VTIMEZONE$/);
    assert.equal(pythonIcalendarAccepts(itemToIcs(allDaySeries)), 'VCALENDAR,VEVENT,VEVENT');
  });

  it('python3-recurring-ical-events expands our series as meant: EXDATEs gone, override moved, RDATE added', () => {
    const expected: { start: string; summary: string }[] = [];
    for (let day = Date.UTC(2026, 2, 16); day <= Date.UTC(2026, 4, 4); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      if (![1, 3].includes(new Date(day).getUTCDay())) continue;
      const key = new Date(localToEpochMs(`${date}T09:00:00`, 'Europe/Berlin')).toISOString().slice(0, 19) + 'Z';
      if (dstSeries.cancelled.includes(key)) continue;
      const moved = dstSeries.overrides[key];
      const start = moved ? localToEpochMs((moved.start as { local: string }).local, 'Europe/Berlin') : Date.parse(key);
      expected.push({ start: new Date(start).toISOString().slice(0, 19) + 'Z', summary: moved?.summary ?? 'Standup' });
    }
    expected.push({ start: '2026-05-10T07:00:00Z', summary: 'Standup' });
    expected.sort((a, b) => (a.start < b.start ? -1 : 1));
    assert.deepEqual(pythonOccurrenceStarts(itemToIcs(dstSeries), '2026-01-01', '2027-01-01'), expected);
    assert.deepEqual(
      pythonOccurrenceStarts(itemToIcs(allDaySeries), '2026-01-01', '2032-01-01'),
      [
        { start: '2026-12-24', summary: 'Holidays' },
        { start: '2027-12-23', summary: 'Holidays (long)' },
        { start: '2029-12-24', summary: 'Holidays' },
        { start: '2030-12-24', summary: 'Holidays' },
      ],
    );
  });

  it('text fields survive escaping for any content (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ',', ';', ':', '\\', '\n', '"', 'é', '€', '😀', '\t') });
    fc.assert(
      fc.property(text, text, fc.array(text.filter((s) => s.trim() !== '' && s === s.trim()), { maxLength: 3 }), (summary, description, names) => {
        const item: SingleEvent = {
          kind: 'single',
          uid: 'prop',
          event: occ(zoned('2026-01-01T10:00:00', 'UTC'), zoned('2026-01-01T11:00:00', 'UTC'), {
            summary,
            description,
            locations: names.map((displayName) => ({ displayName })),
          }),
        };
        assert.deepEqual(roundTrip(item), item);
      }),
      { numRuns: 150 },
    );
  });
});
