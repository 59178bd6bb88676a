import assert from 'node:assert/strict';
import { routePattern } from '../../../src/emulator/control.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

describe('emulator control API', () => {
  let emu: TestEmulator;
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = new FakeGraph();
    emu = await startTestEmulator({ tls: false, createGraph: () => graph });
  });
  afterEach(() => emu.close());

  const control = (method: string, path: string, body?: unknown): Promise<Response> =>
    emu.fetch(`${emu.baseUrl}/_emulator${path}`, {
      method,
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });

  it('counts Graph requests by method and id-free route, so a test can assert that nothing was written', async () => {
    const auth = { authorization: `Bearer ${emu.appToken()}`, 'content-type': 'application/json' };
    await emu.fetch(`${emu.graphUrl}/users/a@x.test/calendarView/delta?x=1`, { headers: auth });
    await emu.fetch(`${emu.graphUrl}/users/a@x.test/events/AAMkAGI2TG93AAA=`, { method: 'PATCH', headers: auth, body: '{}' });
    const stats = (await (await control('GET', '/stats')).json()) as { total: number; byMethod: Record<string, number>; byRoute: Record<string, number> };
    assert.equal(stats.total, 2);
    assert.deepEqual(stats.byMethod, { GET: 1, PATCH: 1 });
    assert.deepEqual(stats.byRoute, { 'GET /users/{id}/calendarView/delta': 1, 'PATCH /users/{id}/events/{id}': 1 });
    assert.equal((await control('POST', '/reset')).status, 204);
    assert.equal(emu.control.stats().total, 0);
  });

  it('moves the emulator clock', async () => {
    const before = (await (await control('GET', '/clock')).json()) as { nowMs: number };
    const after = (await (await control('POST', '/clock/advance', { seconds: 3600 })).json()) as { nowMs: number; now: string };
    assert.ok(after.nowMs - before.nowMs >= 3600_000 && after.nowMs - before.nowMs < 3660_000);
    assert.equal(after.now, new Date(after.nowMs).toISOString());
  });

  it('forwards delta-token expiry to the Graph domain', async () => {
    assert.equal((await control('POST', '/delta/expire')).status, 204);
    assert.equal(graph.deltaExpirations, 1);
  });

  it('mints tokens over HTTP', async () => {
    const { access_token } = (await (await control('POST', '/tokens', { upn: 'z@x.test' })).json()) as { access_token: string };
    const res = await emu.fetch(`${emu.graphUrl}/me/events`, { headers: { authorization: `Bearer ${access_token}` } });
    assert.equal(res.status, 200);
    assert.equal(graph.requests[0]!.principal.upn, 'z@x.test');
  });

  it('answers 404 for unknown control routes and device codes, 400 for bad input, and is never under /v1.0', async () => {
    assert.equal((await control('GET', '/nope')).status, 404);
    assert.equal((await control('POST', '/devicecode/approve', { user_code: 'NOPE', upn: 'a@x.test' })).status, 404);
    assert.equal((await control('POST', '/clock/advance', { minutes: 5 })).status, 400);
    const graphSide = await emu.fetch(`${emu.graphUrl}/_emulator/stats`);
    assert.equal(graphSide.status, 401);
  });

  it('routePattern keeps Graph names and hides ids and upns', () => {
    assert.equal(routePattern('/me/calendars/AAMkAGI2=/events'), '/me/calendars/{id}/events');
    assert.equal(routePattern('/users/bob@x.test/calendarView/delta'), '/users/{id}/calendarView/delta');
    assert.equal(routePattern('/$batch'), '/$batch');
  });
});
