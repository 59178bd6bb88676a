import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startCalbridge, startCliWorld, USER, type CliWorld } from './cli-world.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const ics = (uid: string, summary: string, day: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z',
    `DTSTART:${day}T090000Z`, `DTEND:${day}T100000Z`, `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('calbridge run (the daemon as a child process)', function () {
  this.timeout(180_000);

  describe('with the HTTP endpoint', () => {
    let world: CliWorld;
    let port: number;
    before(async () => {
      port = await freePort();
      world = await startCliWorld({ events: 2, config: { http: { host: '127.0.0.1', port } }, pair: { interval: '2s' } });
    });
    after(() => world?.close());

    it('syncs on its interval, serves /healthz and /metrics, and exits 0 on SIGINT', async () => {
      const daemon = startCalbridge(['run', '--config', world.configFile]);
      try {
        const url = `http://127.0.0.1:${port}`;
        await waitFor('a healthy pair', async () => (await fetch(`${url}/healthz`).catch(() => undefined))?.status === 200);
        const health = (await (await fetch(`${url}/healthz`)).json()) as { status: string; pairs: Array<{ name: string; healthy: boolean }> };
        assert.deepEqual(health.pairs.map((p) => [p.name, p.healthy]), [['alice', true]]);
        const metrics = await (await fetch(`${url}/metrics`)).text();
        assert.match(metrics, /calbridge_cycles_total\{pair="alice",result="ok"\} [1-9]/);
        assert.match(metrics, /calbridge_writes_total\{pair="alice",side="caldav",kind="create"\} 2/);
        assert.match(metrics, /calbridge_last_success_timestamp_seconds\{pair="alice"\} \d/);
        // A new Graph event reaches the daemon's next cycle without any prompt.
        world.graph([{ user: USER, method: 'POST', url: '/events', body: { subject: 'Late addition', start: { dateTime: '2027-01-05T09:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-01-05T10:00:00', timeZone: 'UTC' } } }]);
        await waitFor('the next cycle to copy it', async () => /kind="create"\} 3/.test(await (await fetch(`${url}/metrics`)).text()));
      } finally {
        daemon.child.kill('SIGINT');
      }
      const { code } = await daemon.exited;
      assert.equal(code, 0, daemon.stderr().slice(-3000));
      assert.match(daemon.stderr(), /"msg":"calbridge daemon stopped"/);
    });
  });

  describe('SIGTERM mid-cycle', () => {
    let world: CliWorld;
    before(async () => {
      world = await startCliWorld({ events: 0 });
      const collection = (await world.caldav.ensureCalendar(world.dav.calendarHomeUrl, 'Work')).href;
      for (const n of [1, 2, 3]) await world.caldav.create(collection, `t${n}.ics`, ics(`thunderbird-${n}@example.com`, `From Thunderbird ${n}`, `2027010${n}`));
    });
    after(() => world?.close());

    it('finishes the write in flight, skips the rest and exits 0 within a few seconds', async () => {
      // Each create on Graph takes 2 s, so the signal lands while the first one is being written.
      world.emulator.control.addFaults([{ kind: 'latency', latencyMs: 2000, method: 'POST' }]);
      const daemon = startCalbridge(['run', '--config', world.configFile]);
      // Only the slow POSTs stay in flight for long: a request in flight for 300 ms is a write.
      let busySince: number | undefined;
      await waitFor('a Graph write in flight', () => {
        busySince = world.emulator.control.stats().inFlight > 0 ? (busySince ?? Date.now()) : undefined;
        return busySince !== undefined && Date.now() - busySince > 300;
      });
      const finishedBefore = world.emulator.control.stats().byMethod.POST ?? 0;
      const signalled = Date.now();
      daemon.child.kill('SIGTERM');
      const { code } = await daemon.exited;
      assert.equal(code, 0, daemon.stderr().slice(-3000));
      assert.ok(Date.now() - signalled < 8000, `took ${Date.now() - signalled} ms to stop`);
      // The write in flight was finished; nothing after it was started.
      const written = finishedBefore + 1;
      assert.ok(written < 3, 'the signal came too late to leave anything unwritten');
      assert.equal(world.emulator.control.stats().byMethod.POST, written);
      assert.deepEqual(world.graphSubjects(), ['From Thunderbird 1', 'From Thunderbird 2'].slice(0, written));
    });
  });
});
