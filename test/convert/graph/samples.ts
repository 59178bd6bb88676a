import { readFileSync } from 'node:fs';
import type { GraphEvent } from '../../../src/graph/types.js';

/** Graph doc samples copied into test/fixtures/graph/ (each with its .src.txt naming the doc page). */
export function sample<T = GraphEvent>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/graph/${name}.json`, import.meta.url), 'utf8')) as T;
}

export const SINGLE = '01-event-singleInstance-create-response';
export const WEEKLY_END = '02-event-seriesMaster-weekly-endDate-create-response';
export const WEEKLY_NOEND = '03-event-seriesMaster-weekly-noEnd-get';
export const INSTANCES = '04-event-instances-occurrences-and-exception';
export const PREFER_PACIFIC = '06-event-get-prefer-timezone-pacific';

/**
 * A master for the /instances sample 04, which the doc page does not show: weekly on Monday
 * 13:30-14:00 Pacific (20:30Z in April 2019), matching the occurrences the sample lists.
 */
export function sample04Master(): GraphEvent {
  return {
    id: 'AAMkAGUzYRgWAAA=',
    iCalUId: 'MASTER-UID-04',
    type: 'seriesMaster',
    subject: 'Review strategy for Q3',
    body: { contentType: 'html', content: '<html><head></head><body>Quarterly review.</body></html>' },
    start: { dateTime: '2019-04-01T20:30:00.0000000', timeZone: 'UTC' },
    end: { dateTime: '2019-04-01T21:00:00.0000000', timeZone: 'UTC' },
    originalStartTimeZone: 'Pacific Standard Time',
    originalEndTimeZone: 'Pacific Standard Time',
    isAllDay: false,
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'sunday' },
      range: { type: 'noEnd', startDate: '2019-04-01', endDate: '0001-01-01', recurrenceTimeZone: 'Pacific Standard Time' },
    },
  };
}

/** The window sample 04 was listed with (no offset: UTC). */
export const WINDOW_04 = { start: '2019-04-08T09:00:00.0000000', end: '2019-04-30T09:00:00.0000000' };
