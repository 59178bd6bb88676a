/**
 * RFC 5545 §3.8.5.3 recurrence examples with their published dates (all DTSTART;TZID=America/New_York,
 * 09:00 local unless a time is given). `graph` says whether Graph's patterns can express the rule.
 */
export interface RfcExample {
  readonly title: string;
  readonly dtstart: string;
  readonly rrule: string;
  readonly exdates?: readonly string[];
  /** Published local start times, complete up to the last one. */
  readonly expected: readonly string[];
  /** The rule ends (COUNT/UNTIL): nothing follows the published list. */
  readonly finite: boolean;
  readonly graph: boolean;
}

/** Local 09:00 occurrences on the given days of one month ('1997-09'). */
function on(month: string, ...days: number[]): string[] {
  return days.map((d) => `${month}-${String(d).padStart(2, '0')}T09:00:00`);
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const JANUARIES = ['1998', '1999', '2000'].flatMap((y) => on(`${y}-01`, ...range(1, 31)));
const DAILY_UNTIL = [...on('1997-09', ...range(2, 30)), ...on('1997-10', ...range(1, 31)), ...on('1997-11', ...range(1, 30)), ...on('1997-12', ...range(1, 23))];

export const RFC_EXAMPLES: readonly RfcExample[] = [
  { title: 'Daily for 10 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=DAILY;COUNT=10', expected: on('1997-09', ...range(2, 11)), finite: true, graph: true },
  { title: 'Daily until December 24, 1997', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=DAILY;UNTIL=19971224T000000Z', expected: DAILY_UNTIL, finite: true, graph: true },
  { title: 'Every other day - forever', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=DAILY;INTERVAL=2', expected: [...on('1997-09', 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), ...on('1997-10', 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), ...on('1997-11', 1, 3, 5)], finite: false, graph: true },
  { title: 'Every 10 days, 5 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=DAILY;INTERVAL=10;COUNT=5', expected: [...on('1997-09', 2, 12, 22), ...on('1997-10', 2, 12)], finite: true, graph: true },
  { title: 'Every day in January, for 3 years (YEARLY)', dtstart: '1998-01-01T09:00:00', rrule: 'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA', expected: JANUARIES, finite: true, graph: false },
  { title: 'Every day in January, for 3 years (DAILY)', dtstart: '1998-01-01T09:00:00', rrule: 'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1', expected: JANUARIES, finite: true, graph: false },
  { title: 'Weekly for 10 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=10', expected: [...on('1997-09', 2, 9, 16, 23, 30), ...on('1997-10', 7, 14, 21, 28), ...on('1997-11', 4)], finite: true, graph: true },
  { title: 'Weekly until December 24, 1997', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;UNTIL=19971224T000000Z', expected: [...on('1997-09', 2, 9, 16, 23, 30), ...on('1997-10', 7, 14, 21, 28), ...on('1997-11', 4, 11, 18, 25), ...on('1997-12', 2, 9, 16, 23)], finite: true, graph: true },
  { title: 'Every other week - forever', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;WKST=SU', expected: [...on('1997-09', 2, 16, 30), ...on('1997-10', 14, 28), ...on('1997-11', 11, 25), ...on('1997-12', 9, 23), ...on('1998-01', 6, 20), ...on('1998-02', 3, 17)], finite: false, graph: true },
  { title: 'Weekly on Tuesday and Thursday for five weeks (UNTIL)', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH', expected: [...on('1997-09', 2, 4, 9, 11, 16, 18, 23, 25, 30), ...on('1997-10', 2)], finite: true, graph: true },
  { title: 'Weekly on Tuesday and Thursday for five weeks (COUNT)', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH', expected: [...on('1997-09', 2, 4, 9, 11, 16, 18, 23, 25, 30), ...on('1997-10', 2)], finite: true, graph: true },
  { title: 'Every other week on Monday, Wednesday, and Friday until December 24, 1997', dtstart: '1997-09-01T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR', expected: [...on('1997-09', 1, 3, 5, 15, 17, 19, 29), ...on('1997-10', 1, 3, 13, 15, 17, 27, 29, 31), ...on('1997-11', 10, 12, 14, 24, 26, 28), ...on('1997-12', 8, 10, 12, 22)], finite: true, graph: true },
  { title: 'Every other week on Tuesday and Thursday, for 8 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH', expected: [...on('1997-09', 2, 4, 16, 18, 30), ...on('1997-10', 2, 14, 16)], finite: true, graph: true },
  { title: 'Monthly on the first Friday for 10 occurrences', dtstart: '1997-09-05T09:00:00', rrule: 'FREQ=MONTHLY;COUNT=10;BYDAY=1FR', expected: [...on('1997-09', 5), ...on('1997-10', 3), ...on('1997-11', 7), ...on('1997-12', 5), ...on('1998-01', 2), ...on('1998-02', 6), ...on('1998-03', 6), ...on('1998-04', 3), ...on('1998-05', 1), ...on('1998-06', 5)], finite: true, graph: true },
  { title: 'Monthly on the first Friday until December 24, 1997', dtstart: '1997-09-05T09:00:00', rrule: 'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR', expected: [...on('1997-09', 5), ...on('1997-10', 3), ...on('1997-11', 7), ...on('1997-12', 5)], finite: true, graph: true },
  { title: 'Every other month on the first and last Sunday, 10 occurrences', dtstart: '1997-09-07T09:00:00', rrule: 'FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU', expected: [...on('1997-09', 7, 28), ...on('1997-11', 2, 30), ...on('1998-01', 4, 25), ...on('1998-03', 1, 29), ...on('1998-05', 3, 31)], finite: true, graph: false },
  { title: 'Monthly on the second-to-last Monday for 6 months', dtstart: '1997-09-22T09:00:00', rrule: 'FREQ=MONTHLY;COUNT=6;BYDAY=-2MO', expected: [...on('1997-09', 22), ...on('1997-10', 20), ...on('1997-11', 17), ...on('1997-12', 22), ...on('1998-01', 19), ...on('1998-02', 16)], finite: true, graph: false },
  { title: 'Monthly on the third-to-the-last day of the month, forever', dtstart: '1997-09-28T09:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=-3', expected: [...on('1997-09', 28), ...on('1997-10', 29), ...on('1997-11', 28), ...on('1997-12', 29), ...on('1998-01', 29), ...on('1998-02', 26)], finite: false, graph: false },
  { title: 'Monthly on the 2nd and 15th of the month for 10 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15', expected: [...on('1997-09', 2, 15), ...on('1997-10', 2, 15), ...on('1997-11', 2, 15), ...on('1997-12', 2, 15), ...on('1998-01', 2, 15)], finite: true, graph: false },
  { title: 'Monthly on the first and last day of the month for 10 occurrences', dtstart: '1997-09-30T09:00:00', rrule: 'FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1', expected: [...on('1997-09', 30), ...on('1997-10', 1, 31), ...on('1997-11', 1, 30), ...on('1997-12', 1, 31), ...on('1998-01', 1, 31), ...on('1998-02', 1)], finite: true, graph: false },
  { title: 'Every 18 months on the 10th thru 15th of the month for 10 occurrences', dtstart: '1997-09-10T09:00:00', rrule: 'FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15', expected: [...on('1997-09', ...range(10, 15)), ...on('1999-03', ...range(10, 13))], finite: true, graph: false },
  { title: 'Every Tuesday, every other month', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=TU', expected: [...on('1997-09', 2, 9, 16, 23, 30), ...on('1997-11', 4, 11, 18, 25), ...on('1998-01', 6, 13, 20, 27), ...on('1998-03', 3, 10, 17, 24, 31)], finite: false, graph: false },
  { title: 'Yearly in June and July for 10 occurrences', dtstart: '1997-06-10T09:00:00', rrule: 'FREQ=YEARLY;COUNT=10;BYMONTH=6,7', expected: ['1997', '1998', '1999', '2000', '2001'].flatMap((y) => [...on(`${y}-06`, 10), ...on(`${y}-07`, 10)]), finite: true, graph: false },
  { title: 'Every other year on January, February, and March for 10 occurrences', dtstart: '1997-03-10T09:00:00', rrule: 'FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3', expected: [...on('1997-03', 10), ...['1999', '2001', '2003'].flatMap((y) => [...on(`${y}-01`, 10), ...on(`${y}-02`, 10), ...on(`${y}-03`, 10)])], finite: true, graph: false },
  { title: 'Every third year on the 1st, 100th, and 200th day for 10 occurrences', dtstart: '1997-01-01T09:00:00', rrule: 'FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200', expected: [...on('1997-01', 1), ...on('1997-04', 10), ...on('1997-07', 19), ...on('2000-01', 1), ...on('2000-04', 9), ...on('2000-07', 18), ...on('2003-01', 1), ...on('2003-04', 10), ...on('2003-07', 19), ...on('2006-01', 1)], finite: true, graph: false },
  { title: 'Every 20th Monday of the year, forever', dtstart: '1997-05-19T09:00:00', rrule: 'FREQ=YEARLY;BYDAY=20MO', expected: [...on('1997-05', 19), ...on('1998-05', 18), ...on('1999-05', 17)], finite: false, graph: false },
  { title: 'Monday of week number 20, forever', dtstart: '1997-05-12T09:00:00', rrule: 'FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO', expected: [...on('1997-05', 12), ...on('1998-05', 11), ...on('1999-05', 17)], finite: false, graph: false },
  { title: 'Every Thursday in March, forever', dtstart: '1997-03-13T09:00:00', rrule: 'FREQ=YEARLY;BYMONTH=3;BYDAY=TH', expected: [...on('1997-03', 13, 20, 27), ...on('1998-03', 5, 12, 19, 26), ...on('1999-03', 4, 11, 18, 25)], finite: false, graph: false },
  { title: 'Every Friday the 13th, forever (DTSTART excluded)', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13', exdates: ['1997-09-02T09:00:00'], expected: [...on('1998-02', 13), ...on('1998-03', 13), ...on('1998-11', 13), ...on('1999-08', 13), ...on('2000-10', 13)], finite: false, graph: false },
  { title: 'The first Saturday that follows the first Sunday of the month, forever', dtstart: '1997-09-13T09:00:00', rrule: 'FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13', expected: [...on('1997-09', 13), ...on('1997-10', 11), ...on('1997-11', 8), ...on('1997-12', 13), ...on('1998-01', 10), ...on('1998-02', 7), ...on('1998-03', 7), ...on('1998-04', 11), ...on('1998-05', 9), ...on('1998-06', 13)], finite: false, graph: false },
  { title: 'Every 4 years, the first Tuesday after a Monday in November (U.S. Presidential Election day)', dtstart: '1996-11-05T09:00:00', rrule: 'FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8', expected: [...on('1996-11', 5), ...on('2000-11', 7), ...on('2004-11', 2)], finite: false, graph: false },
  { title: 'The third instance into the month of one of Tuesday, Wednesday, or Thursday, for the next 3 months', dtstart: '1997-09-04T09:00:00', rrule: 'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3', expected: [...on('1997-09', 4), ...on('1997-10', 7), ...on('1997-11', 6)], finite: true, graph: true },
  { title: 'The second-to-last weekday of the month', dtstart: '1997-09-29T09:00:00', rrule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2', expected: [...on('1997-09', 29), ...on('1997-10', 30), ...on('1997-11', 27), ...on('1997-12', 30), ...on('1998-01', 29), ...on('1998-02', 26), ...on('1998-03', 30)], finite: false, graph: false },
  { title: 'Every 15 minutes for 6 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MINUTELY;INTERVAL=15;COUNT=6', expected: ['09:00', '09:15', '09:30', '09:45', '10:00', '10:15'].map((t) => `1997-09-02T${t}:00`), finite: true, graph: false },
  { title: 'Every hour and a half for 4 occurrences', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MINUTELY;INTERVAL=90;COUNT=4', expected: ['09:00', '10:30', '12:00', '13:30'].map((t) => `1997-09-02T${t}:00`), finite: true, graph: false },
  { title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (DAILY)', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40', expected: ['1997-09-02', '1997-09-03'].flatMap((d) => range(9, 16).flatMap((h) => [0, 20, 40].map((m) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`))), finite: false, graph: false },
  { title: 'Every 20 minutes from 9:00 AM to 4:40 PM every day (MINUTELY)', dtstart: '1997-09-02T09:00:00', rrule: 'FREQ=MINUTELY;INTERVAL=20;BYHOUR=9,10,11,12,13,14,15,16', expected: ['1997-09-02', '1997-09-03'].flatMap((d) => range(9, 16).flatMap((h) => [0, 20, 40].map((m) => `${d}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00`))), finite: false, graph: false },
  { title: 'WKST: every other week on Tuesday and Sunday, WKST=MO', dtstart: '1997-08-05T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO', expected: on('1997-08', 5, 10, 19, 24), finite: true, graph: true },
  { title: 'WKST: every other week on Tuesday and Sunday, WKST=SU', dtstart: '1997-08-05T09:00:00', rrule: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU', expected: on('1997-08', 5, 17, 19, 31), finite: true, graph: true },
  { title: 'Invalid dates are skipped: the 15th and 30th for 5 occurrences', dtstart: '2007-01-15T09:00:00', rrule: 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5', expected: [...on('2007-01', 15, 30), ...on('2007-02', 15), ...on('2007-03', 15, 30)], finite: true, graph: false },
];
