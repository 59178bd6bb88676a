// Real CalDAV clients (python3-caldav 0.11, khal 0.10.5) reading what calbridge wrote from Outlook's calendar, and
// Graph reading what a python3-caldav user wrote. Both directions go through one real sync cycle.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWorld, type World } from '../sync/e2e/harness.js';
import { HOLIDAY, HOLIDAY_ICS, HOLIDAY_OCCURRENCE, YOGA, YOGA_EXCLUDED, YOGA_ICS, YOGA_OCCURRENCES } from './caldav-seed.js';
import { calendarView, instances, occurrenceOf, seriesMaster } from './graph-view.js';
import { collectionFolder, khalFor, khalMissing, withPrivateTmpdir } from './khal.js';
import { byStart, EXPECTED, GONE, RANGE, seedOutlook, SUBJECTS, type ExpectedOccurrence } from './outlook-seed.js';
import { pythonCaldavMissing, readWithPython, writeWithPython, type PythonRead } from './python-caldav.js';

const CALENDAR = 'Work';

const sorted = (list: readonly ExpectedOccurrence[]) => [...list].sort(byStart);
const shape = ({ summary, start, end }: ExpectedOccurrence): ExpectedOccurrence => ({ summary, start, end });

/** 'YYYY-MM-DD HH:MM' in Berlin for a UTC instant, the way the khal config formats date-times. */
function berlinWall(instant: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

for (const server of ['radicale', 'xandikos'] as const) {
  describe(`interop: real CalDAV clients and calbridge (${server})`, function () {
    this.timeout(60_000);
    let world: World;
    let storage: string;
    let collection: string;
    let python: PythonRead;

    before(async function () {
      const missing = pythonCaldavMissing() ?? khalMissing();
      if (missing) {
        console.log(`    skipping the interop tests: ${missing}`);
        this.skip();
      }
      // The server's storage must land in a dir of our own to be found for khal (khal.ts).
      storage = mkdtempSync(join(tmpdir(), 'calbridge-interop-'));
      world = await withPrivateTmpdir(storage, () => startWorld({ server }));
      await seedOutlook(world);
      collection = (await world.sync()).runtime.caldavCalendar;
      // Xandikos 0.2.8 (Debian) answers CALDAV:expand with a 500 for any VEVENT with one EXDATE
      // (xandikos/icalendar.py rruleset_from_comp iterates a vDDDLists), so its client expands itself.
      python = await readWithPython(world.dav, CALENDAR, RANGE, server === 'xandikos' ? 'client' : 'server');
    });
    after(async () => {
      await world?.close();
      if (storage) rmSync(storage, { recursive: true, force: true });
    });

    it('Graph itself shows the seeded calendar (the reference the clients are held to)', async () => {
      assert.deepEqual(sorted((await calendarView(world, RANGE)).map(occurrenceOf)), sorted(EXPECTED));
    });

    it('python3-caldav lists every seeded event exactly once', () => {
      const summaries = python.objects.map((o) => o.summary).sort();
      assert.deepEqual(summaries, [SUBJECTS.berlin, SUBJECTS.review, SUBJECTS.doctor, SUBJECTS.monthEnd, SUBJECTS.standup, SUBJECTS.offsite, SUBJECTS.tokyo].sort());
      assert.equal(new Set(python.objects.map((o) => o.uid)).size, python.objects.length, 'UIDs are unique');
    });

    it('python3-caldav expands exactly the occurrences Graph shows, at the same instants', () => {
      assert.deepEqual(sorted(python.occurrences.map(shape)), sorted(EXPECTED));
      for (const gone of GONE) {
        assert.ok(!python.occurrences.some((o) => o.start === gone), `nothing at ${gone} (cancelled or moved away)`);
      }
    });

    it('python3-caldav: the moved occurrence overrides its original slot; 09:00 New York crosses US DST', () => {
      const moved = python.occurrences.filter((o) => o.summary === SUBJECTS.standupMoved);
      assert.equal(moved.length, 1);
      assert.ok(moved[0]!.recurrence_id.includes(GONE[1]!), `RECURRENCE-ID names the original start: ${moved[0]!.recurrence_id.join(', ')}`);
      const standupHours = python.occurrences.filter((o) => o.summary === SUBJECTS.standup).map((o) => o.start).sort().map((s) => s.slice(11, 13));
      assert.deepEqual(standupHours, ['14', '14', '14', '14', '13', '13']);
      assert.equal(new Set(python.occurrences.filter((o) => o.summary.startsWith(SUBJECTS.standup)).map((o) => o.uid)).size, 1, 'one series UID');
    });

    it('python3-caldav: the all-day event is DATE-valued over 3 days; day-31 falls on the last day of short months', () => {
      const offsite = python.occurrences.filter((o) => o.summary === SUBJECTS.offsite);
      assert.deepEqual(offsite.map(shape), [{ summary: SUBJECTS.offsite, start: '2026-12-21', end: '2026-12-24' }]);
      const monthEndDays = python.occurrences.filter((o) => o.summary === SUBJECTS.monthEnd).map((o) => o.start.slice(0, 10)).sort();
      assert.deepEqual(monthEndDays, ['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30', '2027-05-31', '2027-06-30']);
    });

    it('python3-caldav: sensitivity, attendees and the HTML body arrive as iCalendar properties', () => {
      const bySummary = new Map(python.objects.map((o) => [o.summary, o]));
      assert.equal(bySummary.get(SUBJECTS.doctor)?.class, 'PRIVATE');
      assert.equal(bySummary.get(SUBJECTS.berlin)?.class, 'PUBLIC');
      const review = bySummary.get(SUBJECTS.review);
      assert.deepEqual(review?.attendees.map((a) => a.toLowerCase()), ['mailto:bob@contoso.com', 'mailto:carol@fabrikam.com']);
      assert.match(review?.description ?? '', /Agenda: Q1 budget & hiring/);
      assert.doesNotMatch(review?.description ?? '', /<\/?[a-z]+>/i, 'DESCRIPTION is plain text, not HTML');
    });

    it('khal (reading the server’s folder) shows Berlin wall times, the move, no cancelled slot, an all-day span', async () => {
      const khal = khalFor(collectionFolder(storage, server, collection));
      try {
        const lines = await khal.list('2026-12-01', '2027-07-01');
        const timed = EXPECTED.filter((e) => e.start.includes('T'));
        const shown = lines.filter((l) => l.start.includes(':')).map((l) => `${l.start} ${l.end} ${l.title}`).sort();
        assert.deepEqual(shown, timed.map((e) => `${berlinWall(e.start)} ${berlinWall(e.end)} ${e.summary}`).sort());
        // Spelled out for the DST crossing: New York moves an hour earlier in Berlin for two weeks in March.
        assert.ok(shown.includes(`2027-03-10 15:00 2027-03-10 15:30 ${SUBJECTS.standup}`));
        assert.ok(shown.includes(`2027-03-22 14:00 2027-03-22 14:30 ${SUBJECTS.standup}`));
        assert.ok(shown.includes(`2027-03-18 16:00 2027-03-18 16:30 ${SUBJECTS.standupMoved}`));
        assert.ok(!shown.some((l) => l.startsWith('2027-03-15') || l.startsWith('2027-03-17')), 'cancelled and moved-away slots are empty');
        const allDay = lines.filter((l) => l.title === SUBJECTS.offsite);
        assert.deepEqual(allDay.map((l) => `${l.day} ${l.start} ${l.end}`), ['2026-12-21', '2026-12-22', '2026-12-23'].map((d) => `${d} 2026-12-21 2026-12-23`));
      } finally {
        khal.close();
      }
    });

    it('reverse: events saved with python3-caldav reach Graph with the right instants, all-day flag and recurrence', async () => {
      await writeWithPython(world.dav, CALENDAR, [YOGA_ICS, HOLIDAY_ICS]);
      await world.sync();
      const view = await calendarView(world, RANGE);
      const holiday = view.filter((e) => e.subject === HOLIDAY);
      assert.equal(holiday.length, 1);
      assert.equal(holiday[0]!.isAllDay, true);
      assert.deepEqual(occurrenceOf(holiday[0]!), HOLIDAY_OCCURRENCE);
      const yoga = view.filter((e) => e.subject === YOGA);
      assert.deepEqual(sorted(yoga.map(occurrenceOf)), sorted(YOGA_OCCURRENCES));
      const masterId = yoga[0]!.seriesMasterId;
      assert.ok(masterId, 'the yoga occurrences belong to a Graph series');
      const master = await seriesMaster(world, masterId);
      assert.equal(master.type, 'seriesMaster');
      assert.deepEqual(
        { type: master.recurrence?.pattern.type, interval: master.recurrence?.pattern.interval, days: master.recurrence?.pattern.daysOfWeek, from: master.recurrence?.range.startDate },
        { type: 'weekly', interval: 1, days: ['tuesday'], from: '2027-03-16' },
      );
      const listed = await instances(world, masterId, RANGE);
      assert.deepEqual(sorted(listed.map(occurrenceOf)), sorted(YOGA_OCCURRENCES));
      assert.ok(!listed.some((e) => occurrenceOf(e).start === YOGA_EXCLUDED), 'the EXDATE occurrence is not an instance');
      const reread = await readWithPython(world.dav, CALENDAR, RANGE, server === 'xandikos' ? 'client' : 'server');
      assert.deepEqual(reread.objects.filter((o) => o.summary === YOGA || o.summary === HOLIDAY).map((o) => o.summary).sort(), [HOLIDAY, YOGA],
        'the client sees its own events once, not echoed back as copies');
      const again = await world.sync();
      assert.equal(again.writes, 0, `nothing left to write: ${JSON.stringify(again.counts)}`);
    });
  });
}
