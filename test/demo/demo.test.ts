import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CALDAV_URL_PREFIX } from '../../src/demo/demo.js';
import { startCalbridge } from '../cli/cli-world.js';

/** Unfolded content lines of the objects of a CalDAV collection, fetched as one calendar (Radicale serves GET on it). */
async function calendarLines(url: string, user: string, password: string): Promise<string[]> {
  const res = await fetch(url, { headers: { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });
  assert.equal(res.status, 200);
  return (await res.text()).replace(/\r\n[ \t]/g, '').split('\r\n');
}

describe('calbridge demo (child process)', function () {
  this.timeout(180_000);
  let dir: string;
  let squatter: Server;
  let takenPort: number;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'calbridge-demo-test-'));
    // Something (like Debian's own radicale service on 5232) already holds the asked port.
    squatter = createServer();
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    takenPort = (squatter.address() as { port: number }).port;
  });
  after(() => {
    squatter.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts (moving off a taken port), prints the CalDAV URL with credentials, serves the seeded events, and stops on SIGINT', async () => {
    const demo = startCalbridge(['demo', '--port', String(takenPort), '--dir', dir, '--interval', '2'], { CALBRIDGE_LOG_LEVEL: 'warn' });
    try {
      const [, url] = await demo.waitForStdout(new RegExp(`^${CALDAV_URL_PREFIX}(http://127\\.0\\.0\\.1:\\d+/demo/\\S+/)$`, 'm'), 120_000);
      assert.match(demo.stdout(), new RegExp(`^port ${takenPort} is taken; Radicale uses \\d+ instead$`, 'm'));
      assert.notEqual(new URL(url!).port, String(takenPort));
      const [, user, password] = await demo.waitForStdout(/^user: (\S+) {3}password: (\S+)$/m);
      await demo.waitForStdout(/press Ctrl-C to stop/);
      const lines = await calendarLines(url!, user!, password!);
      const summaries = lines.filter((l) => l.startsWith('SUMMARY:')).map((l) => l.slice(8)).sort();
      assert.deepEqual(summaries, ['Call with the Tokyo office', 'Customer visit', 'Design review', 'Design review (moved to Wednesday)', 'Month-end close', 'Team offsite']);
      assert.ok(lines.some((l) => /^RRULE:FREQ=WEEKLY;COUNT=12;BYDAY=TU/.test(l)), 'weekly series');
      assert.ok(lines.some((l) => /^EXDATE;TZID=Europe\/Berlin:\d{8}T100000$/.test(l)), 'cancelled occurrence');
      assert.ok(lines.some((l) => /^RECURRENCE-ID;TZID=Europe\/Berlin:\d{8}T100000$/.test(l)), 'moved occurrence');
      assert.ok(lines.some((l) => /^DTSTART;VALUE=DATE:\d{8}$/.test(l)), 'all-day event');
      for (const zone of ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo']) assert.ok(lines.some((l) => l.startsWith(`DTSTART;TZID=${zone}:`)), zone);

      // An event added in the CalDAV client reaches Graph on a later cycle of the daemon.
      const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', 'UID:from-client@example.com', 'DTSTAMP:20260101T000000Z',
        `DTSTART:${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')}T120000Z`, 'DURATION:PT1H', 'SUMMARY:Added in Thunderbird',
        'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
      const put = await fetch(`${url}from-client.ics`, { method: 'PUT', body: ics, headers: { 'content-type': 'text/calendar', authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });
      assert.equal(put.status, 201);
      await demo.waitForStdout(/ demo: 1 writes \(create-graph 1\)$/m, 60_000);
    } finally {
      demo.child.kill('SIGINT');
    }
    const { code } = await demo.exited;
    assert.equal(code, 0, demo.stderr().slice(-3000));
    assert.match(demo.stdout(), /^stopped$/m);
  });
});
