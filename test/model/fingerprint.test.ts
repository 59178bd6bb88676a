import assert from 'node:assert/strict';
import fc from 'fast-check';
import { graphEventFingerprint, itemFingerprint, normalizeText } from '../../src/model/fingerprint.js';
import type { GraphEvent } from '../../src/graph/types.js';
import { dateValue, zoned, type CalendarItem, type CalendarSeries, type EventOccurrence, type SingleEvent } from '../../src/model/index.js';
import { sample, SINGLE } from '../convert/graph/samples.js';

const base: EventOccurrence = {
  summary: 'Planning',
  description: 'Line one\nLine two',
  descriptionHtml: '<html><body><div>Line one</div><div>Line two</div></body></html>',
  locations: [{ displayName: 'Room 1', geo: { latitude: 52.52, longitude: 13.405 } }, { displayName: 'Room 2' }],
  categories: ['Blue', 'Red'],
  busyStatus: 'busy',
  sensitivity: 'normal',
  importance: 'normal',
  reminderMinutesBefore: 15,
  status: 'confirmed',
  onlineMeetingUrl: 'https://meet.example/1',
  organizer: { email: 'boss@example.org', name: 'Boss' },
  attendees: [
    { email: 'ada@example.org', name: 'Ada', role: 'required', status: 'accepted' },
    { email: 'bob@example.org', role: 'optional', status: 'needs-action' },
  ],
  start: zoned('2024-05-06T09:00:00', 'Europe/Berlin'),
  end: zoned('2024-05-06T10:00:00', 'Europe/Berlin'),
};
const single = (event: EventOccurrence): SingleEvent => ({ kind: 'single', uid: 'u1', event });
const fp = (e: EventOccurrence): string => itemFingerprint(single(e));

describe('itemFingerprint', () => {
  it('is a sha256 hex digest, stable across calls', () => {
    assert.match(fp(base), /^[0-9a-f]{64}$/);
    assert.equal(fp(base), fp({ ...base }));
  });

  const equivalents: [string, EventOccurrence][] = [
    ['keys in another order', Object.fromEntries(Object.entries(base).reverse()) as unknown as EventOccurrence],
    ['CRLF and trailing blanks', { ...base, description: '  Line one  \r\nLine two\r\n', summary: 'Planning ' }],
    ['no HTML when the text says the same', { ...base, descriptionHtml: undefined }],
    ['categories reordered', { ...base, categories: ['Red', 'Blue'] }],
    ['attendees reordered, e-mail case', { ...base, attendees: [base.attendees[1]!, { ...base.attendees[0]!, email: 'ADA@example.org' }] }],
    ['blanks around the URL', { ...base, onlineMeetingUrl: ' https://meet.example/1 ' }],
  ];
  for (const [name, variant] of equivalents) {
    it(`is equal for ${name}`, () => assert.equal(fp(variant), fp(base)));
  }

  it('is equal for an empty optional value and an absent one', () => {
    const { onlineMeetingUrl: _url, ...rest } = base;
    assert.equal(fp({ ...base, onlineMeetingUrl: '' }), fp(rest));
  });

  it('is equal for Asia/Calcutta and Asia/Kolkata', () => {
    const at = (tz: string): EventOccurrence => ({ ...base, start: zoned('2024-05-06T09:00:00', tz), end: zoned('2024-05-06T10:00:00', tz) });
    assert.equal(fp(at('Asia/Calcutta')), fp(at('Asia/Kolkata')));
  });

  const changes: [string, Partial<EventOccurrence>][] = [
    ['summary', { summary: 'Planning!' }],
    ['description', { description: 'Line one\nLine 2' }],
    ['descriptionHtml saying something else', { descriptionHtml: '<p>Other</p>' }],
    ['location name', { locations: [{ displayName: 'Room 3' }, { displayName: 'Room 2' }] }],
    ['location order', { locations: [base.locations[1]!, base.locations[0]!] }],
    ['geo', { locations: [{ displayName: 'Room 1', geo: { latitude: 52.53, longitude: 13.405 } }, base.locations[1]!] }],
    ['categories', { categories: ['Blue'] }],
    ['busyStatus', { busyStatus: 'free' }],
    ['sensitivity', { sensitivity: 'private' }],
    ['importance', { importance: 'low' }],
    ['reminder minutes', { reminderMinutesBefore: 30 }],
    ['reminder off', { reminderMinutesBefore: undefined }],
    ['status', { status: 'cancelled' }],
    ['online meeting URL', { onlineMeetingUrl: 'https://meet.example/2' }],
    ['organizer', { organizer: { email: 'other@example.org', name: 'Boss' } }],
    ['attendee status', { attendees: [{ ...base.attendees[0]!, status: 'declined' }, base.attendees[1]!] }],
    ['attendee role', { attendees: [base.attendees[0]!, { ...base.attendees[1]!, role: 'required' }] }],
    ['attendee removed', { attendees: [base.attendees[0]!] }],
    ['start', { start: zoned('2024-05-06T09:30:00', 'Europe/Berlin') }],
    ['end', { end: zoned('2024-05-06T11:00:00', 'Europe/Berlin') }],
    ['zone, same instant', { start: zoned('2024-05-06T07:00:00', 'UTC'), end: zoned('2024-05-06T08:00:00', 'UTC') }],
    ['all-day', { start: dateValue('2024-05-06'), end: dateValue('2024-05-07') }],
  ];
  for (const [name, change] of changes) {
    it(`changes when ${name} changes`, () => assert.notEqual(fp({ ...base, ...change }), fp(base)));
  }

  it('covers every EventOccurrence field in the change table', () => {
    const changed = new Set(changes.flatMap(([, c]) => Object.keys(c)));
    for (const key of Object.keys(base)) assert.ok(changed.has(key), key);
  });

  describe('series', () => {
    const series: CalendarSeries = {
      kind: 'series',
      uid: 's1',
      master: base,
      rule: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }, { day: 'WE' }] },
      overrides: {
        '2024-05-13T07:00:00Z': { ...base, summary: 'moved' },
        '2024-05-15T07:00:00Z': { ...base, summary: 'other' },
      },
      cancelled: ['2024-05-20T07:00:00Z', '2024-05-22T07:00:00Z'],
    };
    const sfp = (s: CalendarItem): string => itemFingerprint(s);

    it('ignores the order of days, overrides and cancellations, and default interval/WKST', () => {
      const same: CalendarSeries = {
        ...series,
        rule: { freq: 'WEEKLY', interval: 1, wkst: 'MO', byDay: [{ day: 'WE' }, { day: 'MO' }] },
        overrides: Object.fromEntries(Object.entries(series.overrides).reverse()),
        cancelled: [...series.cancelled].reverse(),
      };
      assert.equal(sfp(same), sfp(series));
    });

    const seriesChanges: [string, Partial<CalendarSeries>][] = [
      ['rule interval', { rule: { ...series.rule, interval: 2 } }],
      ['rule count', { rule: { ...series.rule, count: 10 } }],
      ['rule WKST', { rule: { ...series.rule, wkst: 'SU' } }],
      ['override content', { overrides: { ...series.overrides, '2024-05-13T07:00:00Z': { ...base, summary: 'moved again' } } }],
      ['an override dropped', { overrides: { '2024-05-13T07:00:00Z': series.overrides['2024-05-13T07:00:00Z']! } }],
      ['a cancellation added', { cancelled: [...series.cancelled, '2024-05-27T07:00:00Z'] }],
      ['an RDATE', { rdates: [zoned('2024-05-30T09:00:00', 'Europe/Berlin')] }],
    ];
    for (const [name, change] of seriesChanges) {
      it(`changes when ${name} changes`, () => assert.notEqual(sfp({ ...series, ...change }), sfp(series)));
    }

    it('differs from the single event with the same master', () => assert.notEqual(sfp(series), fp(base)));
  });
});

describe('graphEventFingerprint', () => {
  const e = sample(SINGLE);

  it('ignores server bookkeeping and the zone Graph answered in', () => {
    const echo: GraphEvent = {
      ...e,
      '@odata.etag': 'W/"other"',
      changeKey: 'other',
      id: 'AAMk-other',
      lastModifiedDateTime: '2030-01-01T00:00:00Z',
      bodyPreview: 'something else',
      responseStatus: { response: 'accepted', time: '2030-01-01T00:00:00Z' },
      start: { dateTime: '2017-04-15T18:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2017-04-15T19:00:00.0000000', timeZone: 'UTC' },
      webLink: 'https://elsewhere',
    };
    assert.equal(graphEventFingerprint(echo), graphEventFingerprint(e));
  });

  it('ignores filler defaults of the recurrence pattern', () => {
    const recurrence = {
      pattern: { type: 'weekly' as const, interval: 1, daysOfWeek: ['monday' as const] },
      range: { type: 'noEnd' as const, startDate: '2017-04-17', recurrenceTimeZone: 'Pacific Standard Time' },
    };
    const filled = {
      pattern: { ...recurrence.pattern, month: 0, dayOfMonth: 0, firstDayOfWeek: 'sunday' as const, index: 'first' as const },
      range: { ...recurrence.range, endDate: '0001-01-01', numberOfOccurrences: 0 },
    };
    assert.equal(graphEventFingerprint({ ...e, recurrence: filled }), graphEventFingerprint({ ...e, recurrence }));
    assert.notEqual(
      graphEventFingerprint({ ...e, recurrence: { ...recurrence, pattern: { ...recurrence.pattern, interval: 2 } } }),
      graphEventFingerprint({ ...e, recurrence }),
    );
  });

  const changes: [string, Partial<GraphEvent>][] = [
    ['subject', { subject: 'x' }],
    ['body', { body: { contentType: 'html', content: '<p>other</p>' } }],
    ['start', { start: { dateTime: '2017-04-15T11:30:00.0000000', timeZone: 'Pacific Standard Time' } }],
    ['showAs', { showAs: 'free' }],
    ['categories', { categories: ['Red'] }],
    ['location', { location: { displayName: 'Elsewhere' }, locations: [] }],
    ['attendees', { attendees: [] }],
    ['reminder', { isReminderOn: false }],
    ['sensitivity', { sensitivity: 'private' }],
    ['importance', { importance: 'high' }],
    ['isCancelled', { isCancelled: true }],
  ];
  for (const [name, change] of changes) {
    it(`changes when ${name} changes`, () => assert.notEqual(graphEventFingerprint({ ...e, ...change }), graphEventFingerprint(e)));
  }
});

describe('normalizeText', () => {
  // The definition, line by line; normalizeText skips the line work when no line needs it.
  const byLine = (s: string): string => s.replace(/\r\n?/g, '\n').split('\n').map((l) => l.trimEnd()).join('\n').trim();
  const unit = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\v', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b');

  it('equals the line-by-line definition', () => {
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (s) => normalizeText(s) === byLine(s)), { numRuns: 20000 });
  });
});
