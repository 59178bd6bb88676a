import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { UnknownTimeZoneError, epochMsToLocal, localToEpochMs, zoneOffsetMinutes } from '../../../src/model/instant.js';
import { customZoneOffsetMinutes } from '../../../src/convert/timezones/custom-zone.js';
import { offsetTransitions } from '../../../src/model/zone-offsets.js';
import { vtimezoneFor } from '../../../src/convert/timezones/vtimezone.js';
import { vtimezoneMatchesIana } from '../../../src/convert/timezones/zone-match.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants every ~9 days plus a minute either side of every real transition in [fromYear, toYear]. */
function sampleInstants(tz: string, fromYear: number, toYear: number): number[] {
  const start = Date.UTC(fromYear, 0, 1, 14);
  const end = Date.UTC(toYear, 11, 31, 10);
  const out: number[] = [];
  for (let ms = start; ms < end; ms += 9 * DAY + 7 * HOUR) out.push(ms);
  for (const t of offsetTransitions(tz, start, end)) out.push(t.atMs - 60_000, t.atMs, t.atMs + 60_000);
  return out;
}

function icalZone(text: string): InstanceType<typeof ICAL.Timezone> {
  return new ICAL.Timezone({ component: new ICAL.Component(ICAL.parse(text) as unknown[]) });
}

/** ical.js's own wall-clock → instant path, the one CalDAV clients use for DTSTART;TZID=…. */
function icalInstant(zone: InstanceType<typeof ICAL.Timezone>, local: string): number {
  const [y, mo, d, h, mi, s] = local.split(/[-T:]/).map(Number) as [number, number, number, number, number, number];
  const t = new ICAL.Time({ year: y, month: mo, day: d, hour: h, minute: mi, second: s, isDate: false }, zone);
  return t.toUnixTime() * 1000;
}

const cases: [string, number, number][] = [
  ['America/New_York', 1995, 2010],
  ['Europe/Berlin', 1990, 2030],
  ['Australia/Sydney', 1995, 2012],
  ['America/Sao_Paulo', 2010, 2024],
  ['Asia/Kolkata', 1990, 2030],
  ['Pacific/Chatham', 2000, 2030],
  ['Europe/London', 2020, 2035],
  ['UTC', 2000, 2030],
];

describe('convert/timezones/vtimezone', () => {
  for (const [tz, from, to] of cases) {
    describe(`${tz} ${from}..${to}`, () => {
      const text = vtimezoneFor(tz, from, to);

      it('is one VTIMEZONE with CRLF lines and the zone as TZID', () => {
        assert.match(text, /^BEGIN:VTIMEZONE\r\n/);
        assert.match(text, /\r\nEND:VTIMEZONE\r\n$/);
        assert.equal(text.replace(/\r\n/g, '').includes('\n'), false, 'bare LF');
        assert.equal(icalZone(text).tzid, tz);
        for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line too long: ${line}`);
      });

      it("gives Intl's UTC offset at every sampled instant (ical.js expansion)", () => {
        const wrong = sampleInstants(tz, from, to)
          .map((ms) => ({ at: new Date(ms).toISOString(), ours: customZoneOffsetMinutes(text, ms), intl: zoneOffsetMinutes(tz, ms) }))
          .filter((s) => s.ours !== s.intl);
        assert.deepEqual(wrong, []);
      });

      it("maps wall-clock times to Intl's instants through ical.js's ICAL.Time", () => {
        const zone = icalZone(text);
        const transitions = offsetTransitions(tz, Date.UTC(from, 0, 1), Date.UTC(to + 1, 0, 1));
        const wrong = sampleInstants(tz, from, to)
          // Wall times in a DST gap or repeated hour have convention-dependent readings; skip them.
          .filter((ms) => transitions.every((t) => Math.abs(t.atMs - ms) > 3 * HOUR))
          .map((ms) => epochMsToLocal(ms, tz))
          .filter((local) => icalInstant(zone, local) !== localToEpochMs(local, tz));
        assert.deepEqual(wrong, []);
      });
    });
  }

  describe('zones with irregular rules, proven equal to Intl over 1990..2035', () => {
    const tricky = [
      'Africa/Casablanca', // summer time suspended for Ramadan, then permanent +01 with a Ramadan dip
      'Asia/Gaza', // rules tied to local decisions, several changes a year
      'America/Santiago',
      'Asia/Tehran', // fixed-date DST, abolished 2022
      'Europe/Moscow', // permanent DST 2011, back to standard 2014
      'Pacific/Apia', // skipped 30 December 2011
      'Australia/Lord_Howe', // 30-minute DST
      'America/Nuuk', // standard offset moved in 2023
      'Antarctica/Troll', // +00 / +02
      'Europe/Dublin', // negative DST in tzdata
    ];
    for (const tz of tricky) {
      it(tz, () => {
        const start = localToEpochMs('1990-01-01T00:00:00', tz);
        const end = localToEpochMs('2036-01-01T00:00:00', tz);
        assert.ok(vtimezoneMatchesIana(vtimezoneFor(tz, 1990, 2035), tz, start, end));
      });
    }
  });

  it('keeps the pre-2007 US rules that current-rules blocks lose (RFC 5545 recurrence example)', () => {
    const text = vtimezoneFor('America/New_York', 1997, 2008);
    // 28 Oct 1997: the US had already left DST (26 Oct); today's rules would still say EDT.
    assert.equal(customZoneOffsetMinutes(text, Date.UTC(1997, 9, 28, 14)), -300);
    assert.equal(customZoneOffsetMinutes(text, Date.UTC(2008, 9, 28, 14)), -240);
    assert.match(text, /UNTIL=2006/);
  });

  it('keeps the current rule open-ended after the requested years', () => {
    const text = vtimezoneFor('Europe/Berlin', 2000, 2005);
    assert.equal(customZoneOffsetMinutes(text, Date.UTC(2040, 6, 1)), zoneOffsetMinutes('Europe/Berlin', Date.UTC(2040, 6, 1)));
  });

  it('uses the current IANA spelling as TZID and takes aliases', () => {
    assert.match(vtimezoneFor('Asia/Calcutta', 2020, 2021), /\r\nTZID:Asia\/Kolkata\r\n/);
    assert.match(vtimezoneFor('US/Pacific', 2020, 2021), /\r\nTZID:America\/Los_Angeles\r\n/);
    assert.match(vtimezoneFor('Etc/UTC'), /\r\nTZID:UTC\r\n/);
  });

  it('rejects unknown zones and reversed year ranges', () => {
    assert.throws(() => vtimezoneFor('Mars/Olympus_Mons'), UnknownTimeZoneError);
    assert.throws(() => vtimezoneFor('Europe/Berlin', 2030, 2020), RangeError);
  });
});
