import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import type { JcalProperty } from '../../../src/convert/ical/lex.js';
import { parseCalendar } from '../../../src/convert/ical/parse.js';
import { firstProp, paramOf, propsOf } from '../../../src/convert/ical/read-jcal.js';
import { VeventProps } from '../../../src/convert/ical/vevent-props.js';
import { MEETING_URL_PROPS } from '../../../src/convert/ical/vocabulary.js';
import { fixture } from './helpers.js';

const FIRST: Record<string, string> = {
  uid: 'uid', dtstart: 'dtstart', dtend: 'dtend', duration: 'duration', recurrenceId: 'recurrence-id', exrule: 'exrule',
  allDayFlag: 'x-microsoft-cdo-alldayevent', summary: 'summary', description: 'description', location: 'location', geo: 'geo',
  transp: 'transp', cdoBusy: 'x-microsoft-cdo-busystatus', classification: 'class', sensitivity: 'x-calbridge-sensitivity',
  priority: 'priority', status: 'status', organizer: 'organizer',
};
const ALL: Record<string, string> = {
  rrules: 'rrule', rdates: 'rdate', exdates: 'exdate', extraLocations: 'x-calbridge-location', categories: 'categories', attendees: 'attendee',
};

/** Every field of the index against a scan of the property list for its name. */
function assertIndexed(props: readonly JcalProperty[]): void {
  const index = new VeventProps(props) as unknown as Record<string, unknown>;
  for (const [field, name] of Object.entries(FIRST)) assert.equal(index[field], firstProp(props, name), field);
  for (const [field, name] of Object.entries(ALL)) assert.deepEqual(index[field], props.filter((p) => p[0] === name), field);
  const html = props.find((p) => p[0] === 'x-alt-desc' && String(paramOf(p, 'fmttype') ?? '').toLowerCase() === 'text/html');
  assert.equal(index['html'], html);
  const urls = MEETING_URL_PROPS.map((name) => firstProp(props, name));
  assert.deepEqual(index['meetingUrls'], urls.some((p) => p !== undefined) ? urls : []);
}

describe('VeventProps', () => {
  it('indexes each fixture VEVENT as scans of its property list find them', () => {
    for (const name of readdirSync(new URL('../../fixtures/ics/', import.meta.url)).filter((f) => f.endsWith('.ics'))) {
      for (const v of parseCalendar(fixture(name)).getAllSubcomponents('vevent')) assertIndexed(propsOf(v));
    }
  });

  it('keeps the first of repeated names, all of the listed ones in order, and only HTML X-ALT-DESC', () => {
    const text = [
      'BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'UID:b', 'X-ALT-DESC;FMTTYPE=text/plain:p', 'X-ALT-DESC;FMTTYPE=TEXT/HTML:<b>h</b>',
      'X-ALT-DESC;FMTTYPE=text/html:<i>2</i>', 'URL:https://u', 'CONFERENCE;VALUE=URI:https://c', 'URL:https://v', 'ATTENDEE:mailto:a@x',
      'SUMMARY:s', 'ATTENDEE:mailto:b@x', 'CATEGORIES:x,y', 'CATEGORIES:z', 'RRULE:FREQ=DAILY', 'RRULE:FREQ=WEEKLY', 'END:VEVENT', 'END:VCALENDAR',
    ].join('\r\n');
    const props = propsOf(parseCalendar(text).getFirstSubcomponent('vevent')!);
    assertIndexed(props);
    assertIndexed([]);
  });
});
