import assert from 'node:assert/strict';
import { graphToItem, GraphConversionError } from '../../../src/convert/graph/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import type { CalendarSeries, SingleEvent } from '../../../src/model/index.js';
import { INSTANCES, PREFER_PACIFIC, SINGLE, WEEKLY_END, WEEKLY_NOEND, WINDOW_04, sample, sample04Master } from './samples.js';

const single = (e: GraphEvent, uid = 'uid'): SingleEvent => {
  const { item } = graphToItem({ event: e }, { uid });
  assert.equal(item.kind, 'single');
  return item;
};
const series = (input: Parameters<typeof graphToItem>[0]): { item: CalendarSeries; warnings: string[] } => {
  const r = graphToItem(input);
  assert.equal(r.item.kind, 'series');
  return { item: r.item as CalendarSeries, warnings: r.warnings };
};
const instances = (): GraphEvent[] => sample<{ value: GraphEvent[] }>(INSTANCES).value;

describe('graphToItem: single events (samples 01, 06)', () => {
  it('maps every field of sample 01 and keeps its Pacific wall time', () => {
    const e = sample(SINGLE);
    const { item, warnings } = graphToItem({ event: e });
    assert.deepEqual(warnings, []);
    assert.equal(item.uid, e.iCalUId);
    assert.equal(item.kind, 'single');
    const ev = (item as SingleEvent).event;
    assert.deepEqual(ev.start, { kind: 'zoned', local: '2017-04-15T11:00:00', tz: 'America/Los_Angeles' });
    assert.deepEqual(ev.end, { kind: 'zoned', local: '2017-04-15T12:00:00', tz: 'America/Los_Angeles' });
    assert.equal(ev.summary, "Let's go brunch");
    assert.equal(ev.description, 'Does late morning work for you?');
    assert.equal(ev.descriptionHtml, e.body!.content);
    assert.deepEqual(ev.locations, [{ displayName: "Harry's Bar" }]);
    assert.equal(ev.busyStatus, 'busy');
    assert.equal(ev.reminderMinutesBefore, 15);
    assert.equal(ev.status, 'confirmed');
    assert.deepEqual(ev.organizer, { email: 'danas@contoso.onmicrosoft.com', name: 'Dana Swope' });
    assert.deepEqual(ev.attendees, [
      { email: 'samanthab@contoso.onmicrosoft.com', name: 'Samantha Booth', role: 'required', status: 'needs-action' },
    ]);
  });

  it('reads sample 06 (Prefer: outlook.timezone, no originalStartTimeZone) in the zone Graph answered in', () => {
    const ev = single(sample(PREFER_PACIFIC)).event;
    assert.deepEqual(ev.start, { kind: 'zoned', local: '2017-04-21T10:00:00', tz: 'America/Los_Angeles' });
    assert.equal(ev.description, 'Dana, this is the time you selected for our orientation. Please bring the notes I sent you.');
    assert.equal(ev.attendees.length, 2);
  });

  it('gives the same model for the same event read in UTC, in a Prefer zone and in its own zone', () => {
    const own = sample(SINGLE);
    const utc: GraphEvent = {
      ...own,
      start: { dateTime: '2017-04-15T18:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2017-04-15T19:00:00.0000000', timeZone: 'UTC' },
    };
    const tokyo: GraphEvent = {
      ...own,
      start: { dateTime: '2017-04-16T03:00:00.0000000', timeZone: 'Tokyo Standard Time' },
      end: { dateTime: '2017-04-16T04:00:00.0000000', timeZone: 'Asia/Tokyo' },
    };
    assert.deepEqual(single(utc), single(own));
    assert.deepEqual(single(tokyo), single(own));
  });

  it('keeps an all-day date whatever zone Graph answered in', () => {
    const allDay = (tz: string): GraphEvent => ({
      ...sample(SINGLE),
      isAllDay: true,
      originalStartTimeZone: 'Pacific Standard Time',
      start: { dateTime: '2024-03-10T00:00:00.0000000', timeZone: tz },
      end: { dateTime: '2024-03-11T00:00:00.0000000', timeZone: tz },
    });
    for (const tz of ['UTC', 'Pacific Standard Time', 'Tokyo Standard Time']) {
      const ev = single(allDay(tz)).event;
      assert.deepEqual(ev.start, { kind: 'date', date: '2024-03-10' }, tz);
      assert.deepEqual(ev.end, { kind: 'date', date: '2024-03-11' }, tz);
    }
  });

  it('keeps a legacy custom zone (tzone://Microsoft/Custom) as UTC instants', () => {
    const ev = single({
      ...sample(SINGLE),
      originalStartTimeZone: 'tzone://Microsoft/Custom',
      originalEndTimeZone: 'tzone://Microsoft/Custom',
      start: { dateTime: '2017-04-15T18:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2017-04-15T19:00:00.0000000', timeZone: 'UTC' },
    }).event;
    assert.deepEqual(ev.start, { kind: 'zoned', local: '2017-04-15T18:00:00', tz: 'UTC' });
  });

  it('maps showAs, sensitivity, importance, reminder off, cancellation, online meeting, geo and categories', () => {
    const ev = single({
      ...sample(SINGLE),
      showAs: 'oof',
      sensitivity: 'private',
      importance: 'high',
      isReminderOn: false,
      isCancelled: true,
      categories: ['Red', 'Blue'],
      onlineMeeting: { joinUrl: 'https://teams.example/join/1' },
      location: { displayName: 'HQ', coordinates: { latitude: 47.6, longitude: -122.1 } },
      locations: [{ displayName: 'HQ' }, { displayName: 'Room 2' }],
      body: { contentType: 'text', content: 'line 1\r\nline 2' },
      attendees: [{ type: 'optional', status: { response: 'tentativelyAccepted' }, emailAddress: { address: 'o@x.org' } }],
    }).event;
    assert.equal(ev.busyStatus, 'oof');
    assert.equal(ev.sensitivity, 'private');
    assert.equal(ev.importance, 'high');
    assert.equal(ev.reminderMinutesBefore, undefined);
    assert.equal(ev.status, 'cancelled');
    assert.deepEqual(ev.categories, ['Red', 'Blue']);
    assert.equal(ev.onlineMeetingUrl, 'https://teams.example/join/1');
    assert.deepEqual(ev.locations, [{ displayName: 'HQ', geo: { latitude: 47.6, longitude: -122.1 } }, { displayName: 'Room 2' }]);
    assert.equal(ev.description, 'line 1\nline 2');
    assert.equal(ev.descriptionHtml, undefined);
    assert.deepEqual(ev.attendees, [{ email: 'o@x.org', role: 'optional', status: 'tentative' }]);
  });

  it('refuses an occurrence on its own and an event without any UID', () => {
    assert.throws(() => graphToItem({ event: { ...sample(SINGLE), type: 'occurrence' } }), GraphConversionError);
    assert.throws(
      () => graphToItem({ event: { ...sample(SINGLE), iCalUId: undefined } }),
      (e: unknown) => e instanceof GraphConversionError && e.property === 'iCalUId',
    );
  });
});

describe('graphToItem: series (samples 02, 03, 04)', () => {
  it('reads sample 02 as a weekly Monday rule in Pacific time until 2017-12-31', () => {
    const { item } = series({ master: sample(WEEKLY_END) });
    assert.deepEqual(item.master.start, { kind: 'zoned', local: '2017-09-04T12:00:00', tz: 'America/Los_Angeles' });
    assert.equal(item.rule.freq, 'WEEKLY');
    assert.deepEqual(item.rule.byDay, [{ day: 'MO' }]);
    assert.ok(item.rule.until, 'endDate range gives UNTIL');
    assert.deepEqual(item.overrides, {});
    assert.deepEqual(item.cancelled, []);
  });

  it('reads sample 03 (UTC response) in its recurrenceTimeZone and keeps the Teams link in the text', () => {
    const { item } = series({ master: sample(WEEKLY_NOEND) });
    assert.deepEqual(item.master.start, { kind: 'zoned', local: '2017-08-15T10:30:00', tz: 'America/New_York' });
    assert.deepEqual(item.rule.byDay, [{ day: 'TU' }, { day: 'TH' }]);
    assert.equal(item.rule.until, undefined);
    assert.match(item.master.description, /^Higher Education Planning\.\n\nJoin Microsoft Teams Online Meeting <https:\/\/teams\.microsoft\.com\//);
  });

  it('turns the exception of sample 04 into an override at its inferred original start, occurrences into nothing', () => {
    const { item, warnings } = series({ master: sample04Master(), instances: instances(), window: WINDOW_04 });
    assert.equal(item.uid, 'MASTER-UID-04');
    assert.deepEqual(Object.keys(item.overrides), ['2019-04-15T20:30:00Z']);
    const o = item.overrides['2019-04-15T20:30:00Z']!;
    assert.deepEqual(o.start, { kind: 'zoned', local: '2019-04-16T13:30:00', tz: 'America/Los_Angeles' });
    // Fields the exception did not $select are the master's, carried whole.
    assert.equal(o.summary, 'Review strategy for Q3');
    assert.equal(o.description, 'Quarterly review.');
    assert.deepEqual(item.cancelled, []);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /without originalStart/);
  });

  it('uses originalStart when Graph gives it, with no warning', () => {
    const list = instances().map((e) => (e.type === 'exception' ? { ...e, originalStart: '2019-04-15T20:30:00Z' } : e));
    const { item, warnings } = series({ master: sample04Master(), instances: list, window: WINDOW_04 });
    assert.deepEqual(Object.keys(item.overrides), ['2019-04-15T20:30:00Z']);
    assert.deepEqual(warnings, []);
  });

  it('infers a cancellation from an occurrence missing inside the window', () => {
    const list = instances().filter((e) => !e.start!.dateTime.startsWith('2019-04-22'));
    const { item } = series({ master: sample04Master(), instances: list, window: WINDOW_04 });
    assert.deepEqual(item.cancelled, ['2019-04-22T20:30:00Z']);
    assert.deepEqual(Object.keys(item.overrides), ['2019-04-15T20:30:00Z']);
  });

  it('does not infer cancellations where a moved occurrence could lie outside the window', () => {
    for (const day of ['2019-04-08', '2019-04-29']) {
      const list = instances().filter((e) => !e.start!.dateTime.startsWith(day));
      const { item } = series({ master: sample04Master(), instances: list, window: WINDOW_04 });
      assert.deepEqual(item.cancelled, [], day);
    }
  });

  it('infers nothing without a window, and says so', () => {
    const list = instances().filter((e) => !e.start!.dateTime.startsWith('2019-04-22'));
    const { item, warnings } = series({ master: sample04Master(), instances: list.filter((e) => e.type === 'occurrence') });
    assert.deepEqual(item.cancelled, []);
    assert.ok(warnings.some((w) => /without a window/.test(w)));
  });

  it('never takes an occurrence iCalUId as the UID', () => {
    const list = instances().map((e, i) => ({ ...e, iCalUId: `OCCURRENCE-${i}` }));
    const { item } = series({ master: sample04Master(), instances: list, window: WINDOW_04 });
    assert.equal(item.uid, 'MASTER-UID-04');
  });

  it('keys an all-day series by local date, from either reading of originalStart', () => {
    const master: GraphEvent = {
      ...sample04Master(),
      isAllDay: true,
      start: { dateTime: '2019-04-01T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2019-04-02T00:00:00.0000000', timeZone: 'UTC' },
      originalStartTimeZone: 'W. Europe Standard Time',
      recurrence: { ...sample04Master().recurrence!, range: { type: 'noEnd', startDate: '2019-04-01', recurrenceTimeZone: 'W. Europe Standard Time' } },
    };
    const exception = (originalStart: string): GraphEvent => ({
      type: 'exception',
      id: 'x',
      subject: 'moved',
      isAllDay: true,
      originalStart,
      start: { dateTime: '2019-04-16T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2019-04-17T00:00:00.0000000', timeZone: 'UTC' },
    });
    // Midnight in Berlin (22:00Z the day before) and midnight UTC both mean 2019-04-15.
    for (const originalStart of ['2019-04-14T22:00:00Z', '2019-04-15T00:00:00Z']) {
      const { item } = series({ master, instances: [exception(originalStart)] });
      assert.deepEqual(Object.keys(item.overrides), ['2019-04-15'], originalStart);
      assert.deepEqual(item.overrides['2019-04-15']!.start, { kind: 'date', date: '2019-04-16' });
      assert.equal(item.overrides['2019-04-15']!.summary, 'moved');
    }
  });

  it('moves the end with a start the pattern skips (first Thursday from a Tuesday startDate)', () => {
    const master: GraphEvent = {
      ...sample(WEEKLY_END),
      start: { dateTime: '2017-08-29T10:00:00.0000000', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2017-08-29T11:30:00.0000000', timeZone: 'Pacific Standard Time' },
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['thursday'], index: 'first' },
        range: { type: 'noEnd', startDate: '2017-08-29', recurrenceTimeZone: 'Pacific Standard Time' },
      },
    };
    const { item, warnings } = series({ master });
    assert.deepEqual(item.master.start, { kind: 'zoned', local: '2017-09-07T10:00:00', tz: 'America/Los_Angeles' });
    assert.deepEqual(item.master.end, { kind: 'zoned', local: '2017-09-07T11:30:00', tz: 'America/Los_Angeles' });
    assert.equal(warnings.length, 1);
  });

  it('reports a recurrence it cannot read as a GraphConversionError naming the event', () => {
    const master: GraphEvent = { ...sample(WEEKLY_END), recurrence: { ...sample(WEEKLY_END).recurrence!, pattern: { type: 'weekly', interval: 0, daysOfWeek: ['monday'] } } };
    assert.throws(
      () => graphToItem({ master }),
      (e: unknown) => e instanceof GraphConversionError && e.eventId === 'AAMkADQwMD' && e.property === 'recurrence',
    );
  });

  it('gives the same series for instances read in UTC and in a Prefer zone', () => {
    const prefer = (e: GraphEvent): GraphEvent => {
      const shift = (t: GraphEvent['start']): GraphEvent['start'] => {
        const utc = Date.parse(`${t!.dateTime.slice(0, 19)}Z`);
        // April 2019 is PDT (UTC-7) throughout.
        return { dateTime: `${new Date(utc - 7 * 3_600_000).toISOString().slice(0, 19)}.0000000`, timeZone: 'Pacific Standard Time' };
      };
      return { ...e, start: shift(e.start), end: shift(e.end) };
    };
    const list = instances().filter((e) => !e.start!.dateTime.startsWith('2019-04-22'));
    const inUtc = series({ master: sample04Master(), instances: list, window: WINDOW_04 }).item;
    const inPacific = series({ master: prefer(sample04Master()), instances: list.map(prefer), window: WINDOW_04 }).item;
    assert.deepEqual(inPacific, inUtc);
    assert.deepEqual(inUtc.cancelled, ['2019-04-22T20:30:00Z']);
  });
});
