import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { lexCalendar, type JcalComponent } from '../../../src/convert/ical/lex.js';
import { simpleVtimezoneAt, type SkippedZone } from '../../../src/convert/ical/lex-zones.js';
import { icsToItem, parseCalendar, readCalendarObject } from '../../../src/convert/ical/parse.js';
import { fixture, icalParseOrError as reference } from './helpers.js';

/** The jCal with each kept VTIMEZONE read by ICAL.parse and put back where it stood. */
function restored(jcal: JcalComponent, skipped: readonly SkippedZone[]): JcalComponent {
  const children = [...jcal[2]];
  for (const zone of [...skipped].reverse()) {
    const inner = (ICAL.parse(`BEGIN:VCALENDAR\r\n${zone.text}END:VCALENDAR\r\n`) as JcalComponent)[2][0]!;
    children.splice(zone.position, 0, inner);
  }
  return [jcal[0], jcal[1], children];
}


/** Kept or not, the VTIMEZONEs read as ICAL.parse reads them; returns how many were kept. */
function assertKeptExactly(text: string): number {
  const skipped: SkippedZone[] = [];
  const got = lexCalendar(text, skipped);
  if (got === undefined) {
    assert.equal(skipped.length, 0);
    return 0;
  }
  assert.ok(!Array.isArray(got[0]));
  assert.deepStrictEqual(restored(got as JcalComponent, skipped), reference(text), JSON.stringify(text));
  for (const zone of skipped) {
    const own = (ICAL.parse(`BEGIN:VCALENDAR\r\n${zone.text}END:VCALENDAR\r\n`) as JcalComponent)[2][0]![1].find((p) => p[0] === 'tzid');
    assert.equal(zone.tzid, own?.[3]);
  }
  return skipped.length;
}

const zoneLine = fc.oneof(
  fc.constantFrom('TZID:Europe/Berlin', 'TZID:Custom\\, Zone', 'TZID;X-P=1:Europe/Paris', 'tzid:x', 'X-LIC-LOCATION:Europe/Berlin'),
  fc.constantFrom('LAST-MODIFIED:20260715T220651Z', 'LAST-MODIFIED:2026', 'TZURL:http://tz', 'X-FOO:bar', ''),
);
const observanceLine = fc.constantFrom(
  'TZNAME:CEST', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'TZOFFSETTO:+2', 'DTSTART:19700329T020000', 'DTSTART:1970',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'RRULE:FREQ=YEARLY;BYMONTH=13;BYDAY=-1SU', 'RRULE:FREQ=YEARLY;BYDAY=9XX',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=1;UNTIL=20070101T000000Z', 'RRULE:FREQ=MONTHLY', 'RDATE:19700329T020000', 'COMMENT:x',
);
const observance = fc
  .tuple(fc.constantFrom('STANDARD', 'DAYLIGHT', 'standard'), fc.array(observanceLine, { maxLength: 6 }))
  .map(([name, lines]) => [`BEGIN:${name}`, ...lines, `END:${name}`]);
const vtimezone = fc
  .tuple(fc.array(zoneLine, { maxLength: 3 }), fc.array(observance, { maxLength: 2 }))
  .map(([lines, observances]) => ['BEGIN:VTIMEZONE', ...lines, ...observances.flat(), 'END:VTIMEZONE']);
const vevent = fc.constantFrom(['BEGIN:VEVENT', 'UID:a', 'DTSTART;TZID=Europe/Berlin:20260301T100000', 'END:VEVENT']);
const document = fc
  .tuple(fc.array(fc.oneof(vtimezone, vevent), { maxLength: 4 }), fc.constantFrom('\r\n', '\n'), fc.nat(100), fc.boolean())
  .map(([blocks, eol, foldAt, trailing]) => {
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', ...blocks.flat(), 'END:VCALENDAR'];
    // Now and then fold one line, so folds inside a VTIMEZONE are met too.
    const k = foldAt % lines.length;
    if (foldAt % 3 === 0 && lines[k]!.length > 2) lines[k] = `${lines[k]!.slice(0, 2)}${eol} ${lines[k]!.slice(2)}`;
    return lines.join(eol) + (trailing ? eol : '');
  });

describe('lex-zones: VTIMEZONEs kept as text', () => {
  it('reads, once put back, exactly as ICAL.parse reads the whole text (fast-check)', () => {
    let kept = 0;
    fc.assert(
      fc.property(document, (doc) => {
        kept += assertKeptExactly(doc);
      }),
      { numRuns: 2000 },
    );
    assert.ok(kept > 100, `only ${kept} VTIMEZONEs were kept`);
  });

  it('on every fixture, and icsToItem reads each as it reads it without keeping zones aside', () => {
    const dir = new URL('../../fixtures/ics/', import.meta.url);
    let kept = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.ics'))) {
      const text = fixture(name);
      kept += assertKeptExactly(text.replace(/^\uFEFF/, ''));
      const whole = readCalendarObject(parseCalendar(text), text);
      for (const floatingTz of [undefined, 'America/Chicago']) {
        const opts = floatingTz ? { floatingTz } : {};
        const full = floatingTz ? readCalendarObject(parseCalendar(text), text, opts) : whole;
        const { item, warnings } = icsToItem(text, opts);
        assert.deepStrictEqual({ item, warnings }, { item: full.item, warnings: full.warnings }, name);
      }
    }
    assert.ok(kept >= 5, `only ${kept} fixture VTIMEZONEs were kept`);
  });

  it('keeps only a whole simple block: no parameters, folds, lower case or values ical.js might refuse', () => {
    const zone = (...lines: string[]) => ['BEGIN:VTIMEZONE', 'TZID:Z', ...lines, 'END:VTIMEZONE', 'END:VCALENDAR'].join('\r\n');
    assert.deepEqual(simpleVtimezoneAt(zone('BEGIN:DAYLIGHT', 'TZOFFSETTO:+0200', 'END:DAYLIGHT'), 0), { end: 88, tzid: 'Z' });
    // Names of a known name's length but other letters, names without ":", zone lines in an observance.
    const otherNames = ['TZNAMX:x', 'TZNAMEX:x', 'TZNAME', 'DTSTARX:19700329T020000', 'TZOFFSETTX:+0100', 'TZID:Z'];
    for (const odd of ['TZNAME;LANGUAGE=de:MEZ', 'tzname:x', 'RRULE:FREQ=YEARLY;BYMONTH=0', 'TZOFFSETTO:+02:00', 'BEGIN:X', '', ...otherNames]) {
      assert.equal(simpleVtimezoneAt(zone('BEGIN:STANDARD', odd, 'END:STANDARD'), 0), undefined, odd);
    }
    assert.equal(simpleVtimezoneAt('BEGIN:VTIMEZONE\r\nTZID:Z\r\nEND:VTIMEZONE', 0), undefined, 'not followed by a line');
    assert.equal(simpleVtimezoneAt('BEGIN:VTIMEZONE\r\nTZID:Z\r\n X\r\nEND:VTIMEZONE\r\nEND:VCALENDAR', 0), undefined, 'folded');
  });
});
