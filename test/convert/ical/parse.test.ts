import assert from 'node:assert/strict';
import { icsToItem, IcalParseError } from '../../../src/convert/ical/index.js';
import type { CalendarItem, CalendarSeries, EventOccurrence } from '../../../src/model/index.js';
import { eventTimeToEpochMs, zoned, dateValue, floating } from '../../../src/model/index.js';
import { EMPTY_FIELDS, fixture, occ } from './helpers.js';

const single = (item: CalendarItem): EventOccurrence => {
  assert.equal(item.kind, 'single');
  return item.event;
};
const series = (item: CalendarItem): CalendarSeries => {
  assert.equal(item.kind, 'series');
  return item;
};

const wrap = (...lines: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (...lines: string[]): string[] => ['BEGIN:VEVENT', 'UID:u1', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

describe('icsToItem: fixtures in the shapes real clients write', () => {
  it('Apple Calendar: Berlin VTIMEZONE, escaped multi-line LOCATION, URL, X-WR-ALARMUID alarm, ACTION:NONE default alarm', () => {
    const { item, warnings } = icsToItem(fixture('apple-calendar.ics'));
    assert.equal(item.uid, '8F3C2A9E-5B1D-4C7E-9A2F-1E6D3B4C5A7F');
    assert.deepEqual(
      single(item),
      occ(zoned('2026-06-12T10:30:00', 'Europe/Berlin'), zoned('2026-06-12T11:30:00', 'Europe/Berlin'), {
        summary: 'Coffee with Lena',
        locations: [{ displayName: 'Café Einstein\nKurfürstenstraße 58, 10785 Berlin, Germany' }],
        reminderMinutesBefore: 30,
        onlineMeetingUrl: 'https://zoom.us/j/98765432100',
      }),
    );
    assert.deepEqual(warnings, []);
  });

  it('Thunderbird: weekly series, CHAIR organizer, ROOM attendee, CATEGORIES on two lines, CLASS:PRIVATE, PRIORITY:1', () => {
    const s = series(icsToItem(fixture('thunderbird-lightning.ics')).item);
    assert.deepEqual(s.master.start, zoned('2026-03-03T09:00:00', 'Europe/Berlin'));
    assert.deepEqual(s.master.end, zoned('2026-03-03T09:30:00', 'Europe/Berlin'));
    assert.equal(s.rule.freq, 'WEEKLY');
    assert.deepEqual(s.rule.byDay, [{ day: 'TU' }, { day: 'TH' }]);
    assert.equal(eventTimeToEpochMs(s.rule.until!), Date.UTC(2026, 5, 30, 7, 0, 0));
    assert.equal(s.master.summary, 'Team sync');
    assert.equal(s.master.description, 'Agenda:\n- status\n- blockers');
    assert.deepEqual(s.master.categories, ['Business', 'Meeting', 'Project X']);
    assert.equal(s.master.sensitivity, 'private');
    assert.equal(s.master.importance, 'high');
    assert.equal(s.master.reminderMinutesBefore, 10);
    assert.deepEqual(s.master.organizer, { email: 'max@example.org', name: 'Max Mustermann' });
    assert.deepEqual(s.master.attendees, [
      { email: 'max@example.org', name: 'Max Mustermann', role: 'chair', status: 'accepted' },
      { email: 'erika@example.org', name: 'Erika Musterfrau', role: 'optional', status: 'tentative' },
      { email: 'room-ada@example.org', name: 'Room Ada', role: 'resource', status: 'needs-action' },
    ]);
    assert.deepEqual(s.overrides, {});
    assert.deepEqual(s.cancelled, []);
  });

  it('Thunderbird legacy /mozilla.org/ TZID: read through its VTIMEZONE to the right instant', () => {
    const e = single(icsToItem(fixture('thunderbird-legacy-tzid.ics')).item);
    assert.equal(e.start.kind, 'zoned');
    assert.equal(eventTimeToEpochMs(e.start), Date.UTC(2026, 6, 15, 19, 30));
    assert.equal(eventTimeToEpochMs(e.end), Date.UTC(2026, 6, 15, 20, 15));
  });

  it('Google: METHOD:REQUEST tolerated, UTC times, X-GOOGLE-CONFERENCE, empty LOCATION, EMAIL alarm skipped, -P0DT0H10M0S trigger', () => {
    const e = single(icsToItem(fixture('google-calendar.ics')).item);
    assert.deepEqual(e.start, zoned('2026-03-10T15:00:00', 'UTC'));
    assert.deepEqual(e.end, zoned('2026-03-10T15:45:00', 'UTC'));
    assert.equal(e.onlineMeetingUrl, 'https://meet.google.com/abc-defg-hij');
    assert.deepEqual(e.locations, []);
    assert.equal(e.reminderMinutesBefore, 10);
    assert.ok(e.description.startsWith('Quarterly roadmap review.\n\n-::~:~::~'));
    assert.ok(e.description.includes('Join with Google Meet: https://meet.google.com/abc-defg-hij\n'));
    assert.deepEqual(e.organizer, { email: 'priya.raman@gmail.com', name: 'Priya Raman' });
    assert.deepEqual(e.attendees, [
      { email: 'priya.raman@gmail.com', name: 'Priya Raman', role: 'required', status: 'accepted' },
      { email: 'tom@example.net', name: 'tom@example.net', role: 'required', status: 'needs-action' },
    ]);
  });

  it('Outlook export: Windows TZID with its VTIMEZONE, X-ALT-DESC html, CDO busy status, resource attendee, Teams URL', () => {
    const { item } = icsToItem(fixture('outlook-export.ics'));
    const e = single(item);
    assert.equal(item.uid.slice(0, 16), '040000008200E000');
    assert.deepEqual(e.start, zoned('2026-04-15T10:00:00', 'Europe/Berlin'));
    assert.deepEqual(e.end, zoned('2026-04-15T11:00:00', 'Europe/Berlin'));
    assert.equal(e.summary, 'Quartalsplanung');
    assert.equal(e.description, 'Please review the Q2 numbers before the meeting.\n\n');
    assert.ok(e.descriptionHtml?.startsWith('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//EN">\n<HTML>'));
    assert.ok(e.descriptionHtml?.includes('<B>Q2 numbers</B> before the meeting.'));
    assert.deepEqual(e.locations, [{ displayName: 'Konferenzraum 3' }]);
    assert.equal(e.busyStatus, 'tentative');
    assert.equal(e.sensitivity, 'normal');
    assert.equal(e.importance, 'high');
    assert.equal(e.reminderMinutesBefore, 15);
    assert.match(e.onlineMeetingUrl ?? '', /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_NjE0/);
    assert.deepEqual(e.organizer, { email: 'alexw@contoso.com', name: 'Alex Wilber' });
    assert.deepEqual(e.attendees, [
      { email: 'jane.doe@contoso.com', name: 'Doe, Jane', role: 'required', status: 'needs-action' },
      { email: 'room3@contoso.com', name: 'Conf Room 3', role: 'resource', status: 'needs-action' },
    ]);
  });

  it('DAVx5: VTIMEZONE after the VEVENT, GEO, STATUS:TENTATIVE, CLASS:CONFIDENTIAL, ATTACH ignored', () => {
    const e = single(icsToItem(fixture('davx5-android.ics')).item);
    assert.deepEqual(
      e,
      occ(zoned('2026-05-20T14:00:00', 'Europe/Vienna'), zoned('2026-05-20T16:00:00', 'Europe/Vienna'), {
        summary: 'Site visit',
        locations: [{ displayName: 'Stephansplatz 1, 1010 Wien', geo: { latitude: 48.208493, longitude: 16.373118 } }],
        status: 'tentative',
        sensitivity: 'confidential',
        reminderMinutesBefore: 60,
      }),
    );
  });

  it('Nextcloud: TRANSP:TRANSPARENT, two alarms (the first DISPLAY one counts), SCHEDULE-STATUS ignored', () => {
    const e = single(icsToItem(fixture('nextcloud-calendar.ics')).item);
    assert.equal(e.busyStatus, 'free');
    assert.deepEqual(e.categories, ['Holiday', 'Personal']);
    assert.equal(e.reminderMinutesBefore, 1440);
    assert.deepEqual(e.organizer, { email: 'admin@cloud.example.org', name: 'Admin' });
    assert.deepEqual(e.attendees, [{ email: 'bob@example.com', name: 'Bob Builder', role: 'optional', status: 'declined' }]);
  });

  it('all-day multi-day event with LF line ends: dates, exclusive end, OOF', () => {
    const e = single(icsToItem(fixture('allday-multiday.ics')).item);
    assert.deepEqual(e.start, dateValue('2026-07-20'));
    assert.deepEqual(e.end, dateValue('2026-07-25'));
    assert.equal(e.busyStatus, 'oof');
  });

  it('series across DST: EXDATE with TZID, in UTC and as DATE all name occurrences; moved override keyed by its RECURRENCE-ID', () => {
    const s = series(icsToItem(fixture('series-exdate-dst-override.ics')).item);
    assert.equal(s.rule.count, 6);
    assert.deepEqual(s.cancelled, ['2026-03-23T08:00:00Z', '2026-04-06T07:00:00Z', '2026-04-13T07:00:00Z']);
    assert.deepEqual(Object.keys(s.overrides), ['2026-03-30T07:00:00Z']);
    const moved = s.overrides['2026-03-30T07:00:00Z']!;
    assert.deepEqual(moved.start, zoned('2026-03-31T14:00:00', 'Europe/Berlin'));
    assert.equal(moved.summary, 'Standup (moved to Tuesday afternoon)');
  });

  it('custom-named TZID known only by its rules: the instants follow its VTIMEZONE', () => {
    const e = single(icsToItem(fixture('custom-tzid-rules.ics')).item);
    const odd = fixture('custom-tzid-rules.ics').replace(/\+0200/g, '+0215').replace(/\+0100/g, '+0115');
    const { item, warnings } = icsToItem(odd);
    assert.deepEqual(single(item).start, zoned('2026-06-10T07:45:00', 'UTC'), 'no real zone has +02:15: read through the VTIMEZONE');
    assert.equal(warnings.length, 1, 'one warning for the zone, not one per value');
    assert.equal(e.start.kind, 'zoned');
    assert.equal(eventTimeToEpochMs(e.start), Date.UTC(2026, 5, 10, 8, 0));
    assert.equal(eventTimeToEpochMs(e.end), Date.UTC(2026, 5, 10, 9, 30));
  });
});

describe('icsToItem: RFC rules and edge cases', () => {
  it('no DTEND: a date lasts one day, a date-time no time; DURATION is added nominally across DST', () => {
    assert.deepEqual(single(icsToItem(wrap(...vevent('DTSTART;VALUE=DATE:20260301'))).item).end, dateValue('2026-03-02'));
    assert.deepEqual(single(icsToItem(wrap(...vevent('DTSTART:20260301T100000Z'))).item).end, zoned('2026-03-01T10:00:00', 'UTC'));
    const day = single(icsToItem(wrap(...vevent('DTSTART;TZID=Europe/Berlin:20260328T100000', 'DURATION:P1D'))).item);
    assert.deepEqual(day.end, zoned('2026-03-29T10:00:00', 'Europe/Berlin'));
    const hours = single(icsToItem(wrap(...vevent('DTSTART;TZID=Europe/Berlin:20260328T230000', 'DURATION:PT4H'))).item);
    assert.deepEqual(hours.end, zoned('2026-03-29T04:00:00', 'Europe/Berlin'));
  });

  it('an all-day DTEND equal to DTSTART is read as one day, with a warning', () => {
    const { item, warnings } = icsToItem(wrap(...vevent('DTSTART;VALUE=DATE:20260301', 'DTEND;VALUE=DATE:20260301')));
    assert.deepEqual(single(item).end, dateValue('2026-03-02'));
    assert.equal(warnings.length, 1);
  });

  it('CATEGORIES values are trimmed ("a, b" as some clients write it)', () => {
    assert.deepEqual(single(icsToItem(wrap(...vevent('DTSTART:20260301T100000Z', 'CATEGORIES:Work, Travel ,'))).item).categories, ['Work', 'Travel']);
  });

  it('UNTIL written as a DATE or floating on a zoned series becomes UTC; RRULE X- parts are dropped with a warning', () => {
    const untilOf = (rrule: string) => series(icsToItem(wrap(...vevent('DTSTART;TZID=Europe/Berlin:20260316T090000', `RRULE:${rrule}`))).item).rule.until;
    assert.deepEqual(untilOf('FREQ=WEEKLY;UNTIL=20260630'), zoned('2026-06-30T21:59:59', 'UTC'));
    assert.deepEqual(untilOf('FREQ=WEEKLY;UNTIL=20260630T090000'), zoned('2026-06-30T07:00:00', 'UTC'));
    assert.deepEqual(untilOf('FREQ=WEEKLY;UNTIL=20260630T070000Z'), zoned('2026-06-30T07:00:00', 'UTC'));
    const { item, warnings } = icsToItem(wrap(...vevent('DTSTART;VALUE=DATE:20260316', 'RRULE:FREQ=WEEKLY;UNTIL=20260630T090000Z;X-EXT=1')));
    assert.deepEqual(series(item).rule.until, dateValue('2026-06-30'));
    assert.match(warnings.join(), /X-EXT=1/);
  });

  it('an RRULE the recurrence parser rejects: IcalParseError on RRULE', () => {
    const text = wrap(...vevent('DTSTART:20260301T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=2;UNTIL=20260630T000000Z'));
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && e.context.property === 'rrule' && e.context.line === 8);
  });

  it('floating times stay floating, or take opts.floatingTz', () => {
    const text = wrap(...vevent('DTSTART:20260301T090000', 'DTEND:20260301T100000'));
    assert.deepEqual(single(icsToItem(text).item).start, floating('2026-03-01T09:00:00'));
    assert.deepEqual(single(icsToItem(text, { floatingTz: 'America/Chicago' }).item).start, zoned('2026-03-01T09:00:00', 'America/Chicago'));
  });

  it('several EXDATE values per line and on several lines; RDATE into rdates', () => {
    const s = series(
      icsToItem(
        wrap(
          ...vevent(
            'DTSTART;VALUE=DATE:20260105',
            'RRULE:FREQ=DAILY;COUNT=10',
            'EXDATE;VALUE=DATE:20260107,20260106',
            'EXDATE;VALUE=DATE:20260109',
            'RDATE;VALUE=DATE:20260201,20260301',
          ),
        ),
      ).item,
    );
    assert.deepEqual(s.cancelled, ['2026-01-06', '2026-01-07', '2026-01-09']);
    assert.deepEqual(s.rdates, [dateValue('2026-02-01'), dateValue('2026-03-01')]);
  });

  it('TRANSP wins over a stale X-MICROSOFT-CDO-BUSYSTATUS; CLASS:PRIVATE + X-CALBRIDGE-SENSITIVITY is personal; PRIORITY 9 is low', () => {
    const e = single(
      icsToItem(
        wrap(
          ...vevent(
            'DTSTART:20260301T100000Z',
            'TRANSP:TRANSPARENT',
            'X-MICROSOFT-CDO-BUSYSTATUS:BUSY',
            'CLASS:PRIVATE',
            'X-CALBRIDGE-SENSITIVITY:PERSONAL',
            'PRIORITY:9',
            'STATUS:CANCELLED',
          ),
        ),
      ).item,
    );
    assert.deepEqual([e.busyStatus, e.sensitivity, e.importance, e.status], ['free', 'personal', 'low', 'cancelled']);
  });

  it('X-ALT-DESC left behind by a client that edited only DESCRIPTION is ignored, with a warning', () => {
    const text = fixture('outlook-export.ics').replace('DESCRIPTION:Please review the Q2 numbers', 'DESCRIPTION:Meeting moved to room 5. Please review the Q2 numbers');
    const { item, warnings } = icsToItem(text);
    assert.equal(single(item).descriptionHtml, undefined);
    assert.match(single(item).description, /^Meeting moved to room 5/);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /X-ALT-DESC/);
  });

  it('X-ALT-DESC is judged per VEVENT: an override whose DESCRIPTION alone was edited loses its HTML, the master keeps it', () => {
    const html = 'X-ALT-DESC;FMTTYPE=text/html:<p>Agenda: budget</p>';
    const text = wrap(
      ...vevent('DTSTART:20260301T100000Z', 'RRULE:FREQ=DAILY;COUNT=5', 'DESCRIPTION:Agenda: budget', html),
      ...vevent('RECURRENCE-ID:20260302T100000Z', 'DTSTART:20260302T100000Z', 'DESCRIPTION:Agenda: budget', html),
      ...vevent('RECURRENCE-ID:20260303T100000Z', 'DTSTART:20260303T100000Z', 'DESCRIPTION:Agenda: hiring', html),
    );
    const { item, warnings } = icsToItem(text);
    const s = series(item);
    assert.equal(s.master.descriptionHtml, '<p>Agenda: budget</p>');
    assert.equal(s.overrides['2026-03-02T10:00:00Z']!.descriptionHtml, '<p>Agenda: budget</p>');
    assert.equal(s.overrides['2026-03-03T10:00:00Z']!.descriptionHtml, undefined);
    assert.equal(warnings.filter((w) => /X-ALT-DESC/.test(w)).length, 1);
  });

  it('Outlook all-day as midnight DATE-TIMEs with X-MICROSOFT-CDO-ALLDAYEVENT:TRUE reads as dates; without the flag, as times', () => {
    const lines = ['DTSTART;TZID=Europe/Berlin:20260720T000000', 'DTEND;TZID=Europe/Berlin:20260722T000000'];
    const flagged = single(icsToItem(wrap(...vevent(...lines, 'X-MICROSOFT-CDO-ALLDAYEVENT:TRUE'))).item);
    assert.deepEqual([flagged.start, flagged.end], [dateValue('2026-07-20'), dateValue('2026-07-22')]);
    const plain = single(icsToItem(wrap(...vevent(...lines))).item);
    assert.deepEqual(plain.start, zoned('2026-07-20T00:00:00', 'Europe/Berlin'));
  });

  it('a UTF-8 byte order mark and blank lines are tolerated', () => {
    const text = '\uFEFF' + wrap(...vevent('DTSTART:20260301T100000Z', '', 'SUMMARY:BOM')) + '\r\n';
    assert.equal(single(icsToItem(text).item).summary, 'BOM');
  });

  it('an invalid DURATION: IcalParseError naming it', () => {
    const text = wrap(...vevent('DTSTART:20260301T100000Z', 'DURATION:-PT'));
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && e.context.property === 'duration' && e.context.line === 8);
  });

  it('several UIDs in one VCALENDAR: an error naming them', () => {
    const text = wrap(...vevent('DTSTART:20260301T100000Z'), 'BEGIN:VEVENT', 'UID:u2', 'DTSTART:20260302T100000Z', 'END:VEVENT');
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && /u1, u2/.test(e.message));
  });

  it('an invalid date-time: IcalParseError naming the property and its line', () => {
    const text = wrap(...vevent('SUMMARY:x', 'DTSTART:2026030xT100000Z'));
    assert.throws(
      () => icsToItem(text),
      (e: unknown) => e instanceof IcalParseError && e.context.property === 'dtstart' && e.context.line === 8 && !e.message.includes('\n'),
    );
  });

  it('an unknown TZID without VTIMEZONE: IcalParseError naming the TZID', () => {
    const text = wrap(...vevent('DTSTART;TZID=Mars/Olympus:20260301T100000'));
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && /Mars\/Olympus/.test(e.message) && e.context.line === 7);
  });

  it('a malformed content line: IcalParseError with its line', () => {
    const text = wrap(...vevent('DTSTART:20260301T100000Z', 'this line has no colon'));
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && e.context.line === 8);
  });

  it('RANGE=THISANDFUTURE is rejected clearly', () => {
    const text = wrap(
      ...vevent('DTSTART:20260301T100000Z', 'RRULE:FREQ=DAILY;COUNT=5'),
      ...vevent('RECURRENCE-ID;RANGE=THISANDFUTURE:20260303T100000Z', 'DTSTART:20260303T120000Z'),
    );
    assert.throws(() => icsToItem(text), (e: unknown) => e instanceof IcalParseError && /THISANDFUTURE/.test(e.message));
  });

  it('only overrides, no master (invited to one occurrence): a single event, the occurrences by key and a warning', () => {
    const text = wrap(...vevent('RECURRENCE-ID:20260303T100000Z', 'DTSTART:20260303T120000Z', 'DTEND:20260303T130000Z', 'SUMMARY:One of many'));
    const { item, warnings, detachedOccurrences } = icsToItem(text);
    assert.equal(single(item).summary, 'One of many');
    assert.deepEqual(Object.keys(detachedOccurrences ?? {}), ['2026-03-03T10:00:00Z']);
    assert.equal(warnings.length, 1);
  });

  it('a VEVENT with only times reads as the empty fields', () => {
    const e = single(icsToItem(wrap(...vevent('DTSTART:20260301T100000Z', 'DTEND:20260301T110000Z'))).item);
    assert.deepEqual({ ...e, start: undefined, end: undefined }, { ...EMPTY_FIELDS, start: undefined, end: undefined });
  });
});
