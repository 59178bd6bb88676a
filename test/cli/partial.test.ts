import assert from 'node:assert/strict';
import { runCalbridge, startCliWorld, type CliWorld } from './cli-world.js';

const ics = (uid: string, summary: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z',
    'DTSTART:20270105T090000Z', 'DTEND:20270105T100000Z', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('calbridge sync with an item that cannot be written (child process)', function () {
  this.timeout(180_000);
  let world: CliWorld;
  before(async () => {
    world = await startCliWorld();
    const collection = (await world.caldav.ensureCalendar(world.dav.calendarHomeUrl, 'Work')).href;
    await world.caldav.create(collection, 'stuck.ics', ics('stuck@example.com', 'Stuck'));
  });
  after(() => world?.close());

  it('exits 4 (partial) naming the deferred item, then 0 once Graph accepts it', async () => {
    world.emulator.control.addFaults([{ kind: 'reset', method: 'POST' }]);
    const partial = await runCalbridge(['sync', '--config', world.configFile]);
    assert.equal(partial.code, 4, partial.stdout + partial.stderr.slice(-2000));
    assert.match(partial.stdout, /^alice: ok, 0 writes .*; 1 deferred: stuck@example\.com \(/m);
    assert.match(partial.stderr, /some items were not synced/);
    assert.deepEqual(world.graphSubjects(), []);

    world.emulator.control.clearFaults();
    const fine = await runCalbridge(['sync', '--config', world.configFile]);
    assert.equal(fine.code, 0, fine.stdout + fine.stderr.slice(-2000));
    assert.deepEqual(world.graphSubjects(), ['Stuck']);
  });
});
