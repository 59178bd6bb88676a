import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { icsToItem, itemToIcs, patchIcs } from '../../../src/convert/ical/index.js';
import type { CalendarItem, CalendarSeries, EventOccurrence, SingleEvent } from '../../../src/model/index.js';
import { zoned } from '../../../src/model/index.js';
import { contentLines, fixture, occ, pythonIcalendarAccepts } from './helpers.js';

type Jcal = [string, [string, Record<string, unknown>, string, ...unknown[]][], Jcal[]];

const parse = (text: string): CalendarItem => icsToItem(text).item;
const single = (item: CalendarItem): SingleEvent => {
  assert.equal(item.kind, 'single');
  return item;
};
const asSeries = (item: CalendarItem): CalendarSeries => {
  assert.equal(item.kind, 'series');
  return item;
};
const withEvent = (item: SingleEvent, change: Partial<EventOccurrence>): SingleEvent => ({ ...item, event: { ...item.event, ...change } });

/**
 * The object as jCal with what a patch may legitimately touch taken out: DTSTAMP, the SCHEDULE-AGENT
 * parameter we add, and the properties named in `except`. Everything left must be identical.
 */
function untouched(text: string, except: readonly string[]): Jcal {
  const strip = (c: Jcal): Jcal => [
    c[0],
    c[1]
      .filter(([name]) => name !== 'dtstamp' && !except.includes(name))
      .map(([name, params, ...rest]) => {
        const { 'schedule-agent': _, ...kept } = params;
        return [name, kept, ...rest] as Jcal[1][number];
      }),
    c[2].map(strip),
  ];
  return strip(ICAL.parse(text) as Jcal);
}

describe('patchIcs keeps what it does not map', () => {
  for (const name of ['apple-calendar.ics', 'outlook-export.ics', 'davx5-android.ics', 'nextcloud-calendar.ics', 'google-calendar.ics', 'thunderbird-lightning.ics']) {
    it(`${name}: a new SUMMARY changes SUMMARY only; X- properties, parameters, VALARMs, ATTACH, VTIMEZONEs stay`, () => {
      const text = fixture(name);
      const base = parse(text);
      const next: CalendarItem =
        base.kind === 'single' ? withEvent(base, { summary: 'Renamed' }) : { ...base, master: { ...base.master, summary: 'Renamed' } };
      const patched = patchIcs(text, base, next);
      assert.deepEqual(parse(patched), next);
      assert.deepEqual(untouched(patched, ['summary']), untouched(text, ['summary']));
      const summary = contentLines(patched).find((l) => l.startsWith('SUMMARY'));
      assert.equal(summary, name === 'outlook-export.ics' ? 'SUMMARY;LANGUAGE=de-DE:Renamed' : 'SUMMARY:Renamed');
    });
  }

  it('without a base, the existing object is the base', () => {
    const text = fixture('davx5-android.ics');
    const next = withEvent(single(parse(text)), { categories: ['Field work'] });
    const patched = patchIcs(text, undefined, next);
    assert.deepEqual(parse(patched), next);
    assert.deepEqual(untouched(patched, ['categories']), untouched(text, ['categories']));
  });

  it('a field changed on this side meanwhile survives a patch of another field', () => {
    const text = fixture('apple-calendar.ics');
    const base = withEvent(single(parse(text)), { summary: 'What we synced last time' });
    const next = withEvent(base, { locations: [{ displayName: 'Elsewhere' }] });
    const after = single(parse(patchIcs(text, base, next)));
    assert.equal(after.event.summary, 'Coffee with Lena');
    assert.deepEqual(after.event.locations, [{ displayName: 'Elsewhere' }]);
  });

  it('new times: DTSTART/DTEND rewritten, SEQUENCE bumped, DURATION replaced, VTIMEZONE added for a new zone', () => {
    const text = fixture('apple-calendar.ics');
    const base = single(parse(text));
    const next = withEvent(base, { start: zoned('2026-06-12T09:00:00', 'America/New_York'), end: zoned('2026-06-12T10:00:00', 'America/New_York') });
    const patched = patchIcs(text, base, next);
    const lines = contentLines(patched);
    assert.deepEqual(parse(patched), next);
    assert.ok(lines.includes('SEQUENCE:2'));
    assert.deepEqual(lines.filter((l) => l.startsWith('TZID:')).sort(), ['TZID:America/New_York', 'TZID:Europe/Berlin']);
    assert.ok(lines.some((l) => l.startsWith('X-APPLE-STRUCTURED-LOCATION;')));
    const withDuration = text.replace('DTEND;TZID=Europe/Berlin:20260612T113000', 'DURATION:PT1H');
    const fromDuration = contentLines(patchIcs(withDuration, undefined, next));
    assert.ok(!fromDuration.some((l) => l.startsWith('DURATION')));
    assert.ok(fromDuration.includes('DTEND;TZID=America/New_York:20260612T100000'));
  });

  it('an all-day event made timed clears Outlook\'s all-day flag', () => {
    const text = fixture('allday-multiday.ics');
    const base = single(parse(text));
    const next = withEvent(base, { start: zoned('2026-07-20T00:00:00', 'Europe/Berlin'), end: zoned('2026-07-21T00:00:00', 'Europe/Berlin') });
    const patched = patchIcs(text, base, next);
    assert.ok(contentLines(patched).includes('X-MICROSOFT-CDO-ALLDAYEVENT:FALSE'));
    assert.deepEqual(parse(patched), next);
  });

  it('a Windows-TZID object moved in time gets an IANA TZID and keeps its own VTIMEZONE', () => {
    const text = fixture('outlook-export.ics');
    const base = single(parse(text));
    const next = withEvent(base, { start: zoned('2026-04-15T12:00:00', 'Europe/Berlin'), end: zoned('2026-04-15T13:00:00', 'Europe/Berlin') });
    const patched = patchIcs(text, base, next);
    assert.deepEqual(parse(patched), next);
    const lines = contentLines(patched);
    assert.deepEqual(lines.filter((l) => l.startsWith('TZID:')).sort(), ['TZID:Europe/Berlin', 'TZID:W. Europe Standard Time']);
    assert.ok(lines.includes('X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE'));
    pythonIcalendarAccepts(patched);
  });

  it('reminder: the mapped VALARM changes in place (X-WR-ALARMUID kept); removing it leaves the other alarms', () => {
    const text = fixture('apple-calendar.ics');
    const base = single(parse(text));
    const moved = patchIcs(text, base, withEvent(base, { reminderMinutesBefore: 5 }));
    const alarms = (c: string) => new ICAL.Component(ICAL.parse(c)).getFirstSubcomponent('vevent')!.getAllSubcomponents('valarm');
    assert.equal(alarms(moved).length, 2);
    assert.equal(alarms(moved)[0]!.getFirstPropertyValue('x-wr-alarmuid'), '6B2F1D0E-2C3A-4E8F-8A1B-0C9D7E6F5A4B');
    assert.equal(String(alarms(moved)[0]!.getFirstPropertyValue('trigger')), '-PT5M');
    const { reminderMinutesBefore: _, ...noReminder } = base.event;
    const removed = patchIcs(text, base, { ...base, event: noReminder });
    assert.equal(alarms(removed).length, 1);
    assert.equal(alarms(removed)[0]!.getFirstPropertyValue('action'), 'NONE');
    assert.equal(single(parse(removed)).event.reminderMinutesBefore, undefined);
  });

  it('attendees are matched by address: kept ones keep RSVP, LANGUAGE, SCHEDULE-STATUS; new ones get SCHEDULE-AGENT=CLIENT', () => {
    const text = fixture('nextcloud-calendar.ics');
    const base = single(parse(text));
    const next = withEvent(base, {
      attendees: [
        { email: 'bob@example.com', name: 'Bob Builder', role: 'required', status: 'accepted' },
        { email: 'new@example.com', role: 'optional', status: 'needs-action' },
      ],
    });
    const patched = patchIcs(text, base, next);
    assert.deepEqual(parse(patched), next);
    const attendees = contentLines(patched).filter((l) => l.startsWith('ATTENDEE'));
    assert.equal(attendees.length, 2);
    assert.match(attendees[0]!, /RSVP=TRUE/);
    assert.match(attendees[0]!, /LANGUAGE=en/);
    assert.match(attendees[0]!, /SCHEDULE-STATUS=1.1/);
    assert.match(attendees[0]!, /PARTSTAT=ACCEPTED/);
    for (const l of [...attendees, ...contentLines(patched).filter((x) => x.startsWith('ORGANIZER'))]) assert.match(l, /SCHEDULE-AGENT=CLIENT/);
  });

  it('unknown components and X- parameters inside the VEVENT survive', () => {
    const text = fixture('davx5-android.ics').replace(
      'BEGIN:VALARM',
      'BEGIN:X-VENDOR-BLOB\r\nX-DATA;X-KIND="a,b":opaque\\, data\r\nEND:X-VENDOR-BLOB\r\nBEGIN:VALARM',
    );
    const base = single(parse(text));
    const patched = patchIcs(text, base, withEvent(base, { importance: 'high', busyStatus: 'free' }));
    assert.deepEqual(untouched(patched, ['priority', 'transp', 'x-microsoft-cdo-busystatus']), untouched(text, ['priority', 'transp', 'x-microsoft-cdo-busystatus']));
    assert.ok(contentLines(patched).includes('X-DATA;X-KIND="a,b":opaque\\, data'));
    assert.equal(contentLines(patched).filter((l) => l.startsWith('ATTACH')).length, 2);
  });
});

describe('patchIcs on series', () => {
  const text = fixture('series-exdate-dst-override.ics');
  const base = asSeries(parse(text));
  const movedKey = '2026-03-30T07:00:00Z';

  it('EXDATEs added and removed, whatever form the removed one was written in', () => {
    const next: CalendarSeries = { ...base, cancelled: ['2026-03-23T08:00:00Z', '2026-04-20T07:00:00Z'] };
    const patched = patchIcs(text, base, next);
    assert.deepEqual(parse(patched), next);
    const lines = contentLines(patched);
    assert.ok(lines.includes('EXDATE;TZID=Europe/Berlin:20260323T090000'));
    assert.ok(lines.includes('EXDATE;TZID=Europe/Berlin:20260420T090000'));
    assert.ok(!lines.some((l) => l.includes('20260413') || l.includes('20260406T070000Z')));
    assert.ok(lines.includes('SEQUENCE:1'), 'master SEQUENCE bumped from 0');
  });

  it('overrides changed, added and removed; the changed one keeps its own properties', () => {
    const withX = text.replace('SEQUENCE:1\r\n', 'SEQUENCE:1\r\nX-APPLE-EWS-BUSYSTATUS:BUSY\r\n');
    const changed: CalendarSeries = {
      ...base,
      overrides: { [movedKey]: { ...base.overrides[movedKey]!, summary: 'Standup (Tuesday)' } },
    };
    const patched = patchIcs(withX, base, changed);
    assert.deepEqual(parse(patched), changed);
    assert.ok(contentLines(patched).includes('X-APPLE-EWS-BUSYSTATUS:BUSY'));

    const added: CalendarSeries = {
      ...base,
      overrides: {
        ...base.overrides,
        '2026-03-16T08:00:00Z': occ(zoned('2026-03-16T10:00:00', 'Europe/Berlin'), zoned('2026-03-16T10:30:00', 'Europe/Berlin'), { summary: 'Late standup' }),
      },
    };
    const withNew = patchIcs(text, base, added);
    assert.deepEqual(parse(withNew), added);
    assert.ok(contentLines(withNew).includes('RECURRENCE-ID;TZID=Europe/Berlin:20260316T090000'));

    const removed: CalendarSeries = { ...base, overrides: {} };
    assert.deepEqual(parse(patchIcs(text, base, removed)), removed);
  });

  it('an override the base never saw (added on this side meanwhile) is kept', () => {
    const baseWithout: CalendarSeries = { ...base, overrides: {} };
    const next: CalendarSeries = { ...baseWithout, master: { ...base.master, summary: 'Daily standup' } };
    const after = asSeries(parse(patchIcs(text, baseWithout, next)));
    assert.deepEqual(Object.keys(after.overrides), [movedKey]);
    assert.equal(after.master.summary, 'Daily standup');
  });

  it('series → single drops RRULE, EXDATEs and overrides; single → series adds them', () => {
    const single: SingleEvent = { kind: 'single', uid: base.uid, event: base.master };
    const flat = patchIcs(text, base, single);
    assert.deepEqual(parse(flat), single);
    const vevents = new ICAL.Component(ICAL.parse(flat)).getAllSubcomponents('vevent');
    assert.equal(vevents.length, 1);
    assert.deepEqual(['rrule', 'exdate', 'recurrence-id'].filter((p) => vevents[0]!.hasProperty(p)), []);
    assert.deepEqual(parse(patchIcs(flat, single, base)), base);
    assert.deepEqual(parse(patchIcs(itemToIcs(single), undefined, base)), base);
  });
});

describe('patchIcs and TZIDs it did not write', () => {
  it('a /mozilla.org/ TZID without VTIMEZONE is left alone (no VTIMEZONE invented for it)', () => {
    const text = fixture('thunderbird-legacy-tzid.ics').replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    const base = single(parse(text));
    const next = withEvent(base, { summary: 'Dentist (moved room)' });
    const patched = patchIcs(text, base, next);
    assert.deepEqual(parse(patched), next);
    assert.ok(!patched.includes('VTIMEZONE'));
    assert.ok(contentLines(patched).includes('DTSTART;TZID=/mozilla.org/20070129_1/America/New_York:20260715T153000'));
  });
});
