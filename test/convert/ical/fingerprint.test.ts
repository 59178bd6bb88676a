import assert from 'node:assert/strict';
import ICAL from 'ical.js';
import { icsFingerprint, icsToItem, itemToIcs, patchIcs } from '../../../src/convert/ical/index.js';
import type { CalendarItem, CalendarSeries, EventOccurrence, SingleEvent } from '../../../src/model/index.js';
import { dateValue, zoned } from '../../../src/model/index.js';
import { startRadicale, startXandikos, type DavServer } from '../../helpers/dav-servers.js';
import { fixture, occ } from './helpers.js';

const FIXTURES = [
  'apple-calendar.ics',
  'thunderbird-lightning.ics',
  'google-calendar.ics',
  'outlook-export.ics',
  'davx5-android.ics',
  'nextcloud-calendar.ics',
  'allday-multiday.ics',
  'series-exdate-dst-override.ics',
];

/** Unfolds, then folds again at `width` octets-ish (characters here, which is what some servers do). */
function refold(text: string, width: number): string {
  const lines = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/).filter((l) => l !== '');
  return lines.map((l) => (l.match(new RegExp(`.{1,${width}}`, 'gu')) ?? ['']).join('\r\n ')).join('\r\n') + '\r\n';
}

/**
 * Reverses the order of the properties of every component and of the VCALENDAR's components
 * (VTIMEZONE before or after VEVENT). The order of VALARMs is left: the first one is the reminder.
 */
function reorder(text: string): string {
  type Jcal = [string, unknown[], Jcal[]];
  const flip = (c: Jcal): Jcal => [c[0], [...c[1]].reverse(), c[2].map(flip)];
  const root = flip(ICAL.parse(text) as Jcal);
  return new ICAL.Component([root[0], root[1], [...root[2]].reverse()]).toString();
}

describe('icsFingerprint', () => {
  for (const name of FIXTURES) {
    it(`${name}: same under reordering, refolding, LF line ends, DTSTAMP/SEQUENCE and X- noise`, () => {
      const text = fixture(name);
      const fp = icsFingerprint(text);
      assert.match(fp, /^[0-9a-f]{64}$/);
      assert.equal(icsFingerprint(reorder(text)), fp);
      assert.equal(icsFingerprint(refold(text, 40)), fp);
      assert.equal(icsFingerprint(refold(text, 200)), fp);
      assert.equal(icsFingerprint(text.replace(/\r\n/g, '\n')), fp);
      const noisy = text
        .replace(/DTSTAMP:\d{8}T\d{6}Z/g, 'DTSTAMP:20300101T000000Z')
        .replace(/END:VEVENT/g, 'X-SERVER-NOISE;X-P=1:yes\r\nSEQUENCE:7\r\nEND:VEVENT');
      assert.equal(icsFingerprint(noisy), fp);
    });
  }

  it('same when a server inserts the VTIMEZONE an IANA TZID lacked', () => {
    const text = fixture('davx5-android.ics');
    const stripped = text.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '');
    assert.ok(!stripped.includes('VTIMEZONE'));
    assert.equal(icsFingerprint(stripped), icsFingerprint(text));
  });

  it('same for our own output and for a patch that changes nothing', () => {
    for (const name of FIXTURES) {
      const text = fixture(name);
      const item = icsToItem(text).item;
      assert.equal(icsFingerprint(itemToIcs(item)), icsFingerprint(text), name);
      assert.equal(icsFingerprint(patchIcs(text, item, item)), icsFingerprint(text), name);
    }
  });

  describe('changes when a mapped field changes', () => {
    const berlin = (l: string) => zoned(l, 'Europe/Berlin');
    const master = occ(berlin('2026-03-16T09:00:00'), berlin('2026-03-16T10:00:00'), {
      summary: 'S',
      description: 'D bold',
      descriptionHtml: '<p>D <b>bold</b></p>',
      locations: [{ displayName: 'L', geo: { latitude: 1, longitude: 2 } }],
      categories: ['C'],
      reminderMinutesBefore: 15,
      onlineMeetingUrl: 'https://meet.example/1',
      organizer: { email: 'o@x.org', name: 'O' },
      attendees: [{ email: 'a@x.org', name: 'A', role: 'required', status: 'accepted' }],
    });
    const base: CalendarSeries = {
      kind: 'series',
      uid: 'fp',
      master,
      rule: { freq: 'WEEKLY', interval: 1, count: 10 },
      overrides: { '2026-03-23T08:00:00Z': occ(berlin('2026-03-23T11:00:00'), berlin('2026-03-23T12:00:00'), { summary: 'moved' }) },
      cancelled: ['2026-03-30T07:00:00Z'],
    };
    const onMaster = (change: Partial<EventOccurrence>): CalendarItem => ({ ...base, master: { ...master, ...change } });
    const variants: Record<string, CalendarItem> = {
      summary: onMaster({ summary: 'S2' }),
      description: onMaster({ description: 'D2' }),
      descriptionHtml: onMaster({ descriptionHtml: '<p>D, <b>bold</b>!</p>' }),
      location: onMaster({ locations: [{ displayName: 'L2', geo: { latitude: 1, longitude: 2 } }] }),
      geo: onMaster({ locations: [{ displayName: 'L', geo: { latitude: 1.5, longitude: 2 } }] }),
      categories: onMaster({ categories: ['C', 'E'] }),
      busyStatus: onMaster({ busyStatus: 'tentative' }),
      sensitivity: onMaster({ sensitivity: 'personal' }),
      importance: onMaster({ importance: 'high' }),
      reminder: onMaster({ reminderMinutesBefore: 10 }),
      status: onMaster({ status: 'cancelled' }),
      onlineMeetingUrl: onMaster({ onlineMeetingUrl: 'https://meet.example/2' }),
      organizer: onMaster({ organizer: { email: 'p@x.org', name: 'O' } }),
      attendeeStatus: onMaster({ attendees: [{ email: 'a@x.org', name: 'A', role: 'required', status: 'declined' }] }),
      attendeeRole: onMaster({ attendees: [{ email: 'a@x.org', name: 'A', role: 'optional', status: 'accepted' }] }),
      start: onMaster({ start: berlin('2026-03-16T09:30:00') }),
      end: onMaster({ end: berlin('2026-03-16T10:30:00') }),
      rule: { ...base, rule: { ...base.rule, count: 11 } },
      cancelled: { ...base, cancelled: [] },
      rdates: { ...base, rdates: [berlin('2026-06-01T09:00:00')] },
      override: { ...base, overrides: { '2026-03-23T08:00:00Z': { ...base.overrides['2026-03-23T08:00:00Z']!, summary: 'moved2' } } },
      allDay: { kind: 'single', uid: 'fp', event: { ...master, start: dateValue('2026-03-16'), end: dateValue('2026-03-17') } } as SingleEvent,
    };
    const baseFp = icsFingerprint(itemToIcs(base));
    for (const [name, variant] of Object.entries(variants)) {
      it(name, () => {
        assert.notEqual(icsFingerprint(itemToIcs(variant)), baseFp);
        assert.notEqual(icsFingerprint(patchIcs(itemToIcs(base), base, variant)), baseFp);
      });
    }
  });
});

for (const [kind, start] of [
  ['Radicale', startRadicale],
  ['Xandikos', startXandikos],
] as const) {
  describe(`icsFingerprint against ${kind} storing our objects`, function () {
    this.timeout(60_000);
    let server: DavServer;
    const auth = (): string => `Basic ${Buffer.from(`${server.username}:${server.password}`).toString('base64')}`;

    before(async () => {
      server = await start();
    });
    after(async () => server?.stop());

    it('accepts every object, and what it returns has the fingerprint of what was written (fixtures, our output, a patch)', async () => {
      const texts = FIXTURES.map(fixture);
      const series = icsToItem(fixture('series-exdate-dst-override.ics')).item;
      texts.push(itemToIcs(series));
      const apple = icsToItem(fixture('apple-calendar.ics')).item as SingleEvent;
      texts.push(patchIcs(fixture('apple-calendar.ics'), apple, { ...apple, event: { ...apple.event, summary: 'Tea' } }));
      let rewritten = 0;
      for (const [i, text] of texts.entries()) {
        // One collection per object: some of them share a UID, and a UID is unique per collection.
        const collection = `${server.calendarHomeUrl}fp-${i}/`;
        const made = await fetch(collection, { method: 'MKCALENDAR', headers: { authorization: auth() } });
        assert.equal(made.status, 201);
        const url = `${collection}obj.ics`;
        const put = await fetch(url, { method: 'PUT', headers: { authorization: auth(), 'content-type': 'text/calendar; charset=utf-8' }, body: text });
        assert.ok(put.status === 201 || put.status === 204, `PUT ${i}: ${put.status} ${await put.text()}`);
        const back = await (await fetch(url, { headers: { authorization: auth() } })).text();
        assert.equal(icsFingerprint(back), icsFingerprint(text), `object ${i}`);
        if (back !== text) rewritten += 1;
      }
      // Radicale reserialises what it stores (caldav-ical.md §0.4): make sure the check met a rewrite.
      if (kind === 'Radicale') assert.ok(rewritten > 0);
    });
  });
}
