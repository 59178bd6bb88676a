import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import type { JcalComponent } from '../../../src/convert/ical/lex.js';
import { primaryAlarmOf } from '../../../src/convert/ical/read-alarm.js';

const vevent = (alarms: string[]): JcalComponent => {
  const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', ...alarms.flatMap((a) => ['BEGIN:VALARM', ...a.split('|'), 'END:VALARM']), 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
  return (ICAL.parse(text) as JcalComponent)[2][0]!;
};

describe('convert/ical/read-alarm primaryAlarmOf', () => {
  it('takes the first DISPLAY or AUDIO alarm with a start-relative trigger at or before the start', () => {
    const v = vevent(['ACTION:EMAIL|TRIGGER:-PT5M', 'ACTION:NONE|TRIGGER;VALUE=DATE-TIME:19760401T005545Z', 'ACTION:display|TRIGGER;RELATED=END:-PT1M', 'ACTION:AUDIO|TRIGGER:PT5M', 'ACTION:Display|TRIGGER:-P1DT2H', 'ACTION:DISPLAY|TRIGGER:-PT1M']);
    assert.deepEqual(primaryAlarmOf(v), { index: 4, minutesBefore: 1560 });
  });

  it('reads a trigger at the start as 0 (not -0) and ignores alarms without TRIGGER', () => {
    const found = primaryAlarmOf(vevent(['ACTION:DISPLAY', 'ACTION:AUDIO|TRIGGER;RELATED=start:PT0S']));
    assert.deepEqual(found, { index: 1, minutesBefore: 0 });
    assert.ok(Object.is(found!.minutesBefore, 0));
  });

  it('finds none without a mappable alarm', () => {
    assert.equal(primaryAlarmOf(vevent([])), undefined);
    assert.equal(primaryAlarmOf(vevent(['ACTION:EMAIL|TRIGGER:-PT5M'])), undefined);
  });
});
