import assert from 'node:assert/strict';
import { graphToItem, itemToGraphCreate } from '../../../src/convert/graph/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { DEFAULT_EVENT_FIELDS, dateValue, floating, zoned, type CalendarItem, type CalendarSeries, type EventOccurrence } from '../../../src/model/index.js';
import { itemFingerprint } from '../../../src/model/fingerprint.js';
import { graphEcho } from './graph-echo.js';
import { INSTANCES, SINGLE, WEEKLY_END, WINDOW_04, sample, sample04Master } from './samples.js';

const model = (e: GraphEvent, uid = 'uid-1'): CalendarItem => graphToItem({ event: e }, { uid }).item;
const plain: EventOccurrence = {
  ...DEFAULT_EVENT_FIELDS,
  summary: 'Standup',
  description: 'Daily',
  start: zoned('2024-05-06T09:00:00', 'Europe/Berlin'),
  end: zoned('2024-05-06T09:15:00', 'Europe/Berlin'),
};

describe('itemToGraphCreate', () => {
  it('writes a single event with Windows zone names and every mapped field', () => {
    const { payload, exceptions, cancelled, warnings } = itemToGraphCreate(model(sample(SINGLE)), { includeAttendees: true });
    assert.deepEqual(payload.start, { dateTime: '2017-04-15T11:00:00', timeZone: 'Pacific Standard Time' });
    assert.deepEqual(payload.end, { dateTime: '2017-04-15T12:00:00', timeZone: 'Pacific Standard Time' });
    assert.equal(payload.isAllDay, false);
    assert.equal(payload.subject, "Let's go brunch");
    assert.deepEqual(payload.body, sample(SINGLE).body);
    assert.deepEqual(payload.location, { displayName: "Harry's Bar" });
    assert.deepEqual(payload.attendees, [
      { type: 'required', status: { response: 'none' }, emailAddress: { name: 'Samantha Booth', address: 'samanthab@contoso.onmicrosoft.com' } },
    ]);
    assert.equal(payload.isReminderOn, true);
    assert.equal(payload.reminderMinutesBeforeStart, 15);
    assert.equal(payload.recurrence, undefined);
    for (const readOnly of ['id', 'iCalUId', 'organizer', 'isCancelled', 'onlineMeeting', 'changeKey']) {
      assert.equal(payload[readOnly], undefined, readOnly);
    }
    assert.deepEqual([exceptions, cancelled, warnings], [[], [], []]);
  });

  it('by default writes no attendees but lists them in the body, so Graph sends no invitation', () => {
    const { payload } = itemToGraphCreate(model(sample(SINGLE)));
    assert.equal(payload.attendees, undefined);
    assert.equal(payload.body!.contentType, 'html');
    assert.match(payload.body!.content, /Attendees \(kept by calbridge, not invited\):<br>- Samantha Booth &lt;samanthab@contoso\.onmicrosoft\.com&gt; \(required, needs-action\)/);
  });

  it('writes plain text as contentType text, and HTML that no longer matches the text is dropped', () => {
    const stale = { ...plain, description: 'New text', descriptionHtml: '<p>Old text</p>' };
    assert.deepEqual(itemToGraphCreate({ kind: 'single', uid: 'u', event: stale }).payload.body, { contentType: 'text', content: 'New text' });
  });

  it('writes all-day as midnight-to-midnight with isAllDay, and floating times in the floating zone', () => {
    const allDay = { ...plain, start: dateValue('2024-03-10'), end: dateValue('2024-03-11') };
    const a = itemToGraphCreate({ kind: 'single', uid: 'u', event: allDay }).payload;
    assert.deepEqual([a.start, a.end, a.isAllDay], [
      { dateTime: '2024-03-10T00:00:00', timeZone: 'UTC' },
      { dateTime: '2024-03-11T00:00:00', timeZone: 'UTC' },
      true,
    ]);
    const fl = { ...plain, start: floating('2024-05-06T09:00:00'), end: floating('2024-05-06T10:00:00') };
    const f = itemToGraphCreate({ kind: 'single', uid: 'u', event: fl }, { floatingZone: 'Europe/Berlin' }).payload;
    assert.deepEqual(f.start, { dateTime: '2024-05-06T09:00:00', timeZone: 'W. Europe Standard Time' });
  });

  it('writes a zone without a Windows name as UTC, with a warning', () => {
    const troll = { ...plain, start: zoned('2024-05-06T09:00:00', 'Antarctica/Troll'), end: zoned('2024-05-06T10:00:00', 'Antarctica/Troll') };
    const { payload, warnings } = itemToGraphCreate({ kind: 'single', uid: 'u', event: troll });
    assert.deepEqual(payload.start, { dateTime: '2024-05-06T07:00:00', timeZone: 'UTC' });
    assert.ok(warnings.some((w) => w.includes('Antarctica/Troll')));
  });

  it('round-trips a single event through what Graph echoes (with and without attendees)', () => {
    const original = model(sample(SINGLE));
    for (const includeAttendees of [true, false]) {
      const { payload } = itemToGraphCreate(original, { includeAttendees });
      const echoed = graphEcho(payload, { organizer: sample(SINGLE).organizer });
      assert.deepEqual(model(echoed), original, `includeAttendees=${includeAttendees}`);
    }
  });

  it('round-trips series sample 02 through what Graph echoes', () => {
    const original = graphToItem({ master: sample(WEEKLY_END) }, { uid: 'uid-1' }).item;
    const { payload, warnings } = itemToGraphCreate(original, { includeAttendees: true });
    assert.deepEqual(warnings, []);
    assert.equal(payload.recurrence!.pattern.type, 'weekly');
    assert.equal(payload.recurrence!.range.endDate, '2017-12-31');
    const echoed = graphEcho(payload, { organizer: sample(WEEKLY_END).organizer });
    assert.deepEqual(graphToItem({ master: echoed }, { uid: 'uid-1' }).item, original);
  });

  it('plans the exception and the cancellation of a series as occurrence PATCH and DELETE', () => {
    const list = sample<{ value: GraphEvent[] }>(INSTANCES).value.filter((e) => !e.start!.dateTime.startsWith('2019-04-22'));
    const series = graphToItem({ master: sample04Master(), instances: list, window: WINDOW_04 }).item;
    const { exceptions, cancelled } = itemToGraphCreate(series);
    assert.deepEqual(cancelled, ['2019-04-22T20:30:00Z']);
    assert.deepEqual(exceptions, [
      {
        originalStart: '2019-04-15T20:30:00Z',
        patch: {
          start: { dateTime: '2019-04-16T13:30:00', timeZone: 'Pacific Standard Time' },
          end: { dateTime: '2019-04-16T14:00:00', timeZone: 'Pacific Standard Time' },
          isAllDay: false,
        },
      },
    ]);
  });

  it('sends a rule Graph cannot express through the daily carrier, naming the item', () => {
    const series: CalendarSeries = {
      kind: 'series',
      uid: 'odd-series',
      master: plain,
      rule: { freq: 'MONTHLY', interval: 1, byMonthDay: [6, 20], count: 4 },
      overrides: {},
      cancelled: [],
    };
    const plan = itemToGraphCreate(series);
    assert.equal(plan.payload.recurrence!.pattern.type, 'daily');
    assert.ok(plan.warnings.some((w) => w.includes('odd-series')));
    // May 6, May 20, Jun 6, Jun 20: every other day of the carrier is deleted.
    assert.equal(plan.cancelled.length, 46 - 4);
    assert.ok(!plan.cancelled.includes('2024-05-20T07:00:00Z'));
    assert.ok(plan.cancelled.includes('2024-05-21T07:00:00Z'));
  });

  it('an item born on the CalDAV side comes back from Graph with the same fingerprint', () => {
    const caldavBorn: CalendarItem = {
      kind: 'single',
      uid: 'caldav-1',
      event: {
        ...plain,
        description: 'Agenda:\n1. <Budget> & costs\n2. Hiring',
        locations: [{ displayName: 'HQ', geo: { latitude: 52.52, longitude: 13.405 } }],
        categories: ['Work'],
        busyStatus: 'tentative',
        sensitivity: 'private',
        importance: 'high',
        reminderMinutesBefore: 10,
        attendees: [{ email: 'ada@example.org', name: 'Ada', role: 'required', status: 'accepted' }],
        start: dateValue('2024-05-06'),
        end: dateValue('2024-05-08'),
      },
    };
    const { payload } = itemToGraphCreate(caldavBorn);
    const back = model(graphEcho(payload), 'caldav-1');
    assert.equal(itemFingerprint(back), itemFingerprint(caldavBorn));
    assert.deepEqual((back as typeof caldavBorn).event.attendees, caldavBorn.event.attendees);
  });
});
