import assert from 'node:assert/strict';
import { graphPatchFor, graphToItem, occurrenceChanges } from '../../../src/convert/graph/index.js';
import type { GraphEvent } from '../../../src/graph/types.js';
import { dateValue, zoned, type CalendarSeries, type EventOccurrence, type SingleEvent } from '../../../src/model/index.js';
import { SINGLE, WEEKLY_END, sample } from './samples.js';

const base = graphToItem({ event: sample(SINGLE) }, { uid: 'u' }).item as SingleEvent;
const existing: GraphEvent = sample(SINGLE);
const withEvent = (change: Partial<EventOccurrence>): SingleEvent => ({ ...base, event: { ...base.event, ...change } });

describe('graphPatchFor', () => {
  it('sends nothing when nothing changed, nor for cosmetic differences', () => {
    assert.deepEqual(graphPatchFor(base, base, existing), {});
    const cosmetic = withEvent({ description: `${base.event.description}\r\n`, summary: ` ${base.event.summary}` });
    assert.deepEqual(graphPatchFor(base, cosmetic, existing), {});
  });

  const oneField: [string, Partial<EventOccurrence>, string[]][] = [
    ['summary', { summary: 'Brunch!' }, ['subject']],
    ['description', { description: 'Noon?', descriptionHtml: undefined }, ['body']],
    ['locations', { locations: [{ displayName: 'Cafe' }] }, ['location']],
    ['several locations', { locations: [{ displayName: 'Cafe' }, { displayName: 'Bar' }] }, ['locations']],
    ['categories', { categories: ['Food'] }, ['categories']],
    ['busyStatus', { busyStatus: 'tentative' }, ['showAs']],
    ['sensitivity', { sensitivity: 'private' }, ['sensitivity']],
    ['importance', { importance: 'high' }, ['importance']],
    ['reminder off', { reminderMinutesBefore: undefined }, ['isReminderOn']],
    ['reminder time', { reminderMinutesBefore: 30 }, ['isReminderOn', 'reminderMinutesBeforeStart']],
    ['start', { start: zoned('2017-04-15T10:00:00', 'America/Los_Angeles') }, ['start', 'end', 'isAllDay']],
    ['all-day', { start: dateValue('2017-04-15'), end: dateValue('2017-04-16') }, ['start', 'end', 'isAllDay']],
    // Attendees travel in the body unless they are written as attendees.
    ['attendees', { attendees: [] }, ['body']],
  ];
  for (const [name, change, keys] of oneField) {
    it(`patches only ${keys.join(', ')} when ${name} changes`, () => {
      assert.deepEqual(Object.keys(graphPatchFor(base, withEvent(change), existing)).sort(), [...keys].sort());
    });
  }

  it('writes attendees as attendees only when asked', () => {
    const p = graphPatchFor(base, withEvent({ attendees: [] }), existing, { includeAttendees: true });
    assert.deepEqual(p, { attendees: [] });
  });

  it('never writes read-only fields (status, organizer, online meeting URL)', () => {
    const next = withEvent({ status: 'cancelled', organizer: { email: 'x@y.org' }, onlineMeetingUrl: 'https://m/1' });
    assert.deepEqual(graphPatchFor(base, next, existing), {});
  });

  it('without a base, diffs against the existing Graph event', () => {
    const p = graphPatchFor(undefined, withEvent({ summary: 'Brunch!' }), existing, { includeAttendees: true });
    assert.deepEqual(p, { subject: 'Brunch!' });
  });

  it('keeps the online meeting join link when the new body lacks it', () => {
    const url = 'https://teams.example/join?a=1&b=2';
    const online: GraphEvent = { ...existing, onlineMeeting: { joinUrl: url } };
    const text = graphPatchFor(base, withEvent({ description: 'New', descriptionHtml: undefined }), online, { includeAttendees: true });
    assert.deepEqual(text.body, { contentType: 'text', content: `New\n\nJoin online meeting: ${url}` });
    const html = '<html><body>New</body></html>';
    const rich = graphPatchFor(base, withEvent({ description: 'New', descriptionHtml: html }), online, { includeAttendees: true });
    assert.equal(rich.body!.content, '<html><body>New<p>Join online meeting: <a href="https://teams.example/join?a=1&amp;b=2">https://teams.example/join?a=1&amp;b=2</a></p></body></html>');
    const kept = graphPatchFor(base, withEvent({ description: `Join <${url}>`, descriptionHtml: undefined }), online, { includeAttendees: true });
    assert.deepEqual(kept.body, { contentType: 'text', content: `Join <${url}>` });
  });

  describe('series', () => {
    const master = sample(WEEKLY_END);
    const series = graphToItem({ master }, { uid: 'u' }).item as CalendarSeries;

    it('resends the recurrence only when the rule or the start changes', () => {
      assert.deepEqual(graphPatchFor(series, { ...series, master: { ...series.master, summary: 'x' } }, master), { subject: 'x' });
      const p = graphPatchFor(series, { ...series, rule: { ...series.rule, interval: 2 } }, master);
      assert.deepEqual(Object.keys(p), ['recurrence']);
      assert.equal(p.recurrence!.pattern.interval, 2);
    });

    it('stops a series with recurrence: null and starts one from a single event', () => {
      const asSingle: SingleEvent = { kind: 'single', uid: 'u', event: series.master };
      assert.deepEqual(graphPatchFor(series, asSingle, master), { recurrence: null });
      const started = graphPatchFor(asSingle, series, master);
      assert.deepEqual(Object.keys(started), ['recurrence']);
      assert.equal(started.recurrence!.pattern.type, 'weekly');
    });
  });
});

describe('occurrenceChanges', () => {
  const master: EventOccurrence = {
    ...base.event,
    start: zoned('2024-05-06T09:00:00', 'Europe/Berlin'),
    end: zoned('2024-05-06T10:00:00', 'Europe/Berlin'),
  };
  const series: CalendarSeries = {
    kind: 'series',
    uid: 's',
    master,
    rule: { freq: 'WEEKLY', interval: 1, byDay: [{ day: 'MO' }] },
    overrides: { '2024-05-13T07:00:00Z': { ...master, summary: 'moved', start: zoned('2024-05-14T09:00:00', 'Europe/Berlin'), end: zoned('2024-05-14T10:00:00', 'Europe/Berlin') } },
    cancelled: ['2024-05-20T07:00:00Z'],
  };

  it('from nothing: patches each override against its plain occurrence and deletes each cancellation', () => {
    const c = occurrenceChanges(undefined, series);
    assert.deepEqual(c.cancel, ['2024-05-20T07:00:00Z']);
    assert.deepEqual(c.restore, []);
    assert.equal(c.patch.length, 1);
    assert.equal(c.patch[0]!.originalStart, '2024-05-13T07:00:00Z');
    assert.deepEqual(Object.keys(c.patch[0]!.patch).sort(), ['end', 'isAllDay', 'start', 'subject']);
  });

  it('sends nothing when nothing changed', () => {
    assert.deepEqual(occurrenceChanges(series, series), { patch: [], cancel: [], restore: [] });
  });

  it('patches an edited override by its own diff, and reverts a dropped one to the plain occurrence', () => {
    const edited: CalendarSeries = { ...series, overrides: { '2024-05-13T07:00:00Z': { ...series.overrides['2024-05-13T07:00:00Z']!, importance: 'high' } } };
    assert.deepEqual(occurrenceChanges(series, edited).patch, [{ originalStart: '2024-05-13T07:00:00Z', patch: { importance: 'high' } }]);
    const dropped = occurrenceChanges(series, { ...series, overrides: {} }).patch;
    assert.equal(dropped.length, 1);
    assert.equal(dropped[0]!.patch.subject, master.summary);
    assert.deepEqual(dropped[0]!.patch.start, { dateTime: '2024-05-13T09:00:00', timeZone: 'W. Europe Standard Time' });
  });

  it('lists new cancellations to delete and lifted ones to restore', () => {
    const next: CalendarSeries = { ...series, cancelled: ['2024-05-27T07:00:00Z'] };
    const c = occurrenceChanges(series, next);
    assert.deepEqual(c.cancel, ['2024-05-27T07:00:00Z']);
    assert.deepEqual(c.restore, ['2024-05-20T07:00:00Z']);
  });

  it('has nothing to do for a single event', () => {
    assert.deepEqual(occurrenceChanges(series, base), { patch: [], cancel: [], restore: [] });
  });
});
