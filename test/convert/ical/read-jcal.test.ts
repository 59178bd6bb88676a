import assert from 'node:assert/strict';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { firstProp, firstValue, paramOf, plainRecurText, propsOf, recurToIcal } from '../../../src/convert/ical/read-jcal.js';

const vevent = (...lines: string[]): ICAL.Component =>
  new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', 'BEGIN:VEVENT', ...lines, 'END:VEVENT', 'END:VCALENDAR'].join('\r\n'))).getFirstSubcomponent('vevent')!;

describe('read-jcal: the Component API answers, read from jCal', () => {
  it('firstValue gives what getFirstPropertyValue gives, decorated types included', () => {
    const lines = ['UID:a', 'PRIORITY:3', 'X-FLAG:TRUE', 'X-B;VALUE=BOOLEAN:TRUE', 'UID;VALUE=DATE-TIME:20260301T100000Z', 'DURATION:PT1H', 'SUMMARY:', 'RRULE:FREQ=DAILY'];
    for (const line of lines) {
      const v = vevent(line);
      const name = line.split(/[;:]/)[0]!.toLowerCase();
      const want = vevent(line).getFirstPropertyValue(name);
      assert.deepEqual(String(firstValue(v, name)), String(want), line);
      assert.equal(typeof firstValue(v, name), typeof want, line);
    }
    assert.equal(firstValue(vevent('UID:a'), 'summary'), null);
  });

  it('firstProp and paramOf follow getFirstProperty and getFirstParameter', () => {
    const v = vevent('ATTENDEE;CN=A;PARTSTAT=ACCEPTED:mailto:a@x', 'SUMMARY:s', 'ATTENDEE;CN="B, C":mailto:b@x');
    const props = propsOf(v);
    assert.equal(firstProp(props, 'summary'), v.getFirstProperty('summary')!.toJSON());
    assert.equal(paramOf(props[2]!, 'cn'), v.getAllProperties('attendee')[1]!.getFirstParameter('cn'));
    assert.equal(paramOf(props[0]!, 'role'), undefined);
  });

  it('plainRecurText writes an RRULE without parameters as Property.toICALString() does', () => {
    for (const rule of ['FREQ=WEEKLY;BYDAY=TU,TH;WKST=SU', 'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T230000Z', 'FREQ=DAILY;COUNT=3;X-EXT=1', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;UNTIL=20300101']) {
      const v = vevent(`RRULE:${rule}`);
      assert.equal(`RRULE:${plainRecurText(firstProp(propsOf(v), 'rrule')!)}`, v.getFirstProperty('rrule')!.toICALString(), rule);
    }
    assert.equal(plainRecurText(firstProp(propsOf(vevent('RRULE;X-A=1:FREQ=DAILY')), 'rrule')!), undefined);
  });

  it('recurToIcal writes any decoded rule as the recur type writes it (any case, X- parts, odd orders, repeats)', () => {
    const recur = (ICAL.design as unknown as { icalendar: { value: { recur: { toICAL(d: unknown): string } } } }).icalendar.value.recur;
    const decode = (ICAL.Recur as unknown as { _stringToData(t: string, ical: boolean): Record<string, unknown> })._stringToData;
    const name = fc.constantFrom('FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'WKST', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYHOUR', 'byday', 'Until', 'wkst', 'X-A', 'RSCALE');
    const value = fc.constantFrom('DAILY', 'WEEKLY', 'MO', 'TU,TH', '-1SU,1MO', 'SU', '3', '1,15', '-1', '0', '20260601T000000Z', '20260601T000000', '20260601', 'abc', '');
    const rule = fc.array(fc.tuple(name, value).map(([n, v]) => `${n}=${v}`), { minLength: 1, maxLength: 6 }).map((ps) => ps.join(';'));
    fc.assert(
      fc.property(rule, (text) => {
        let data: Record<string, unknown>;
        try {
          data = decode(text, true);
        } catch {
          return; // ical.js rejects it: no jCal holds such a rule
        }
        assert.equal(recurToIcal(data), recur.toICAL(data), text);
      }),
      { numRuns: 20000 },
    );
  });
});
