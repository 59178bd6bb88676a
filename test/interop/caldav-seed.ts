// Events a python3-caldav user saves, and what Graph must show for them after a sync.
import type { ExpectedOccurrence } from './outlook-seed.js';

const BERLIN_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function calendar(lines: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//calbridge interop//python3-caldav//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
}

export const YOGA = 'Yoga (from python3-caldav)';
export const HOLIDAY = 'Holiday (from python3-caldav)';

/**
 * Tuesdays 18:30 Berlin from 2027-03-16, 4 times, 03-23 excluded. CEST starts 2027-03-28, so 18:30 Berlin is 17:30Z
 * before and 16:30Z after.
 */
export const YOGA_ICS = calendar([
  ...BERLIN_VTIMEZONE,
  'BEGIN:VEVENT',
  'UID:yoga-interop@example.org',
  'DTSTAMP:20261120T120000Z',
  'DTSTART;TZID=Europe/Berlin:20270316T183000',
  'DTEND;TZID=Europe/Berlin:20270316T193000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=4',
  'EXDATE;TZID=Europe/Berlin:20270323T183000',
  `SUMMARY:${YOGA}`,
  'END:VEVENT',
]);

export const YOGA_OCCURRENCES: readonly ExpectedOccurrence[] = [
  { summary: YOGA, start: '2027-03-16T17:30:00Z', end: '2027-03-16T18:30:00Z' },
  { summary: YOGA, start: '2027-03-30T16:30:00Z', end: '2027-03-30T17:30:00Z' },
  { summary: YOGA, start: '2027-04-06T16:30:00Z', end: '2027-04-06T17:30:00Z' },
];

export const YOGA_EXCLUDED = '2027-03-23T17:30:00Z';

/** Two all-day days, 2027-01-05 and 2027-01-06 (DTEND is exclusive). */
export const HOLIDAY_ICS = calendar([
  'BEGIN:VEVENT',
  'UID:holiday-interop@example.org',
  'DTSTAMP:20261120T120000Z',
  'DTSTART;VALUE=DATE:20270105',
  'DTEND;VALUE=DATE:20270107',
  `SUMMARY:${HOLIDAY}`,
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
]);

export const HOLIDAY_OCCURRENCE: ExpectedOccurrence = { summary: HOLIDAY, start: '2027-01-05', end: '2027-01-07' };
