import assert from 'node:assert/strict';
import { localToEpochMs } from '../../../src/model/instant.js';
import { vtimezoneMatchesIana } from '../../../src/convert/timezones/zone-match.js';
import { OUTLOOK_W_EUROPE } from './fixtures/vtimezones.js';

const range = (tz: string, from: number, to: number): [number, number] => [
  localToEpochMs(`${from}-01-01T00:00:00`, tz),
  localToEpochMs(`${to + 1}-01-01T00:00:00`, tz),
];

/** Outlook's W. Europe block with summer time starting one week later (first Sunday of April). */
const ONE_WEEK_LATE = OUTLOOK_W_EUROPE.replace('RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4');

describe('convert/timezones/zone-match', () => {
  it("accepts Outlook's EU rules as Europe/Berlin and Europe/Paris today", () => {
    assert.ok(vtimezoneMatchesIana(OUTLOOK_W_EUROPE, 'Europe/Berlin', ...range('Europe/Berlin', 2020, 2030)));
    assert.ok(vtimezoneMatchesIana(OUTLOOK_W_EUROPE, 'Europe/Paris', ...range('Europe/Paris', 2020, 2030)));
  });

  it('rejects them where the real zone differed (EU summer time ended in September until 1995)', () => {
    assert.equal(vtimezoneMatchesIana(OUTLOOK_W_EUROPE, 'Europe/Berlin', ...range('Europe/Berlin', 1990, 2000)), false);
  });

  it('rejects a block that differs by one week a year, and zones with other offsets', () => {
    assert.equal(vtimezoneMatchesIana(ONE_WEEK_LATE, 'Europe/Berlin', ...range('Europe/Berlin', 2020, 2030)), false);
    assert.equal(vtimezoneMatchesIana(OUTLOOK_W_EUROPE, 'Europe/London', ...range('Europe/London', 2020, 2030)), false);
    assert.equal(vtimezoneMatchesIana(OUTLOOK_W_EUROPE, 'Africa/Lagos', ...range('Africa/Lagos', 2020, 2030)), false);
  });
});
