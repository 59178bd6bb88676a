import assert from 'node:assert/strict';
import { startDaemonHttp } from '../../src/daemon/http.js';
import { SyncMetrics } from '../../src/daemon/metrics.js';

describe('daemon HTTP endpoint', () => {
  it('serves health (200/503 by pair state) and Prometheus metrics', async () => {
    const metrics = new SyncMetrics();
    metrics.cycles.inc({ pair: 'alice', result: 'ok' });
    let healthy = true;
    const http = await startDaemonHttp({
      host: '127.0.0.1',
      port: 0,
      metrics,
      health: async () => [{ name: 'alice', healthy, ...(healthy ? {} : { lastError: 'caldav unreachable' }) }],
    });
    try {
      const ok = await fetch(`${http.url}/healthz`);
      assert.equal(ok.status, 200);
      assert.equal(((await ok.json()) as { status: string }).status, 'ok');
      healthy = false;
      const bad = await fetch(`${http.url}/healthz`);
      assert.equal(bad.status, 503);
      assert.equal(((await bad.json()) as { pairs: Array<{ lastError: string }> }).pairs[0]!.lastError, 'caldav unreachable');
      const text = await (await fetch(`${http.url}/metrics`)).text();
      assert.match(text, /calbridge_cycles_total\{pair="alice",result="ok"\} 1/);
      assert.equal((await fetch(`${http.url}/nope`)).status, 404);
    } finally {
      await http.close();
    }
  });
});
