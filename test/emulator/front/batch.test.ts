import assert from 'node:assert/strict';
import type { EmulatorRequest } from '../../../src/emulator/contract.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

interface InnerResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: { error?: { code: string }; path?: string; rawQuery?: string; body?: unknown };
}

describe('emulator front: JSON batching', () => {
  let emu: TestEmulator;
  let graph: FakeGraph;

  beforeEach(async () => {
    // Paths ending in /missing answer 404, so dependents of a failed request can be observed.
    graph = new FakeGraph((req: EmulatorRequest) =>
      req.path.endsWith('/missing') ? { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'not found' } } } : undefined,
    );
    emu = await startTestEmulator({ tls: false, createGraph: () => graph });
  });
  afterEach(() => emu.close());

  const batch = async (requests: unknown[]): Promise<{ status: number; body: { responses?: InnerResponse[]; error?: { code: string; message: string } } }> => {
    const res = await emu.fetch(`${emu.graphUrl}/$batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${emu.appToken()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    return { status: res.status, body: (await res.json()) as never };
  };
  const byId = (responses: InnerResponse[] | undefined, id: string): InnerResponse => responses!.find((r) => r.id === id)!;

  it('runs inner requests with or without a leading slash, keeps their raw query, and correlates answers by id', async () => {
    const { status, body } = await batch([
      { id: '1', method: 'GET', url: '/users/a@x.test/events?$top=1' },
      { id: '2', method: 'POST', url: 'users/a@x.test/events', headers: { 'Content-Type': 'application/json' }, body: { subject: 's' } },
    ]);
    assert.equal(status, 200);
    assert.equal(byId(body.responses, '1').status, 200);
    assert.equal(byId(body.responses, '1').body!.path, '/users/a@x.test/events');
    assert.equal(byId(body.responses, '1').body!.rawQuery, '$top=1');
    assert.deepEqual(byId(body.responses, '2').body!.body, { subject: 's' });
    assert.ok(byId(body.responses, '2').headers['request-id']);
  });

  it('refuses more than 20 requests, duplicate ids (case-insensitive) and a body without Content-Type', async () => {
    const many = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users/a@x.test/events' }));
    assert.equal((await batch(many)).status, 400);
    assert.equal((await batch(many.slice(0, 20))).status, 200);
    const dup = await batch([
      { id: 'a', method: 'GET', url: '/users/a@x.test/events' },
      { id: 'A', method: 'GET', url: '/users/a@x.test/events' },
    ]);
    assert.equal(dup.status, 400);
    assert.equal(dup.body.error!.code, 'BadRequest');
    const noHeaders = await batch([{ id: '1', method: 'POST', url: '/users/a@x.test/events', body: { subject: 's' } }]);
    assert.equal(noHeaders.status, 400);
    assert.match(noHeaders.body.error!.message, /Content-Type/);
    assert.equal(graph.requests.length, 20, 'refused batches run nothing');
  });

  it('answers 424 to requests depending on a failed one, and runs the rest', async () => {
    const { body } = await batch([
      { id: '1', method: 'GET', url: '/users/a@x.test/events/missing' },
      { id: '2', method: 'GET', url: '/users/a@x.test/events', dependsOn: ['1'] },
      { id: '3', method: 'GET', url: '/users/a@x.test/events', dependsOn: ['2'] },
      { id: '4', method: 'GET', url: '/users/a@x.test/calendars' },
    ]);
    assert.equal(byId(body.responses, '1').status, 404);
    assert.equal(byId(body.responses, '2').status, 424);
    assert.equal(byId(body.responses, '3').status, 424);
    assert.equal(byId(body.responses, '4').status, 200);
    assert.deepEqual(graph.requests.map((r) => r.path).sort(), ['/users/a@x.test/calendars', '/users/a@x.test/events/missing']);
  });

  it('runs dependents after their dependency', async () => {
    await batch([
      { id: '1', method: 'POST', url: '/users/a@x.test/events', headers: { 'content-type': 'application/json' }, body: { n: 1 } },
      { id: '2', method: 'POST', url: '/users/a@x.test/events', headers: { 'content-type': 'application/json' }, body: { n: 2 }, dependsOn: ['1'] },
    ]);
    assert.deepEqual(graph.requests.map((r) => r.body), [{ n: 1 }, { n: 2 }]);
  });

  it('refuses dependsOn naming an unknown or later request, an absolute url, and a malformed escape', async () => {
    assert.equal((await batch([{ id: '1', method: 'GET', url: '/users/a@x.test/events', dependsOn: ['9'] }])).status, 400);
    const later = await batch([
      { id: '1', method: 'GET', url: '/users/a@x.test/events', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/users/a@x.test/events' },
    ]);
    assert.equal(later.status, 400);
    assert.equal((await batch([{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }])).status, 400);
    assert.equal((await batch([{ id: '1', method: 'GET', url: '/users/a%zz/events' }])).status, 400);
    assert.equal(graph.requests.length, 0);
  });

  it('throttles inner requests individually: an inner 429 carries Retry-After in its own headers', async () => {
    emu.control.addFaults([{ kind: '429', path: '/calendars$', retryAfterSeconds: 3 }]);
    const { status, body } = await batch([
      { id: '1', method: 'GET', url: '/users/a@x.test/calendars' },
      { id: '2', method: 'GET', url: '/users/a@x.test/events' },
    ]);
    assert.equal(status, 200);
    assert.equal(byId(body.responses, '1').status, 429);
    assert.equal(byId(body.responses, '1').headers['retry-after'], '3');
    assert.equal(byId(body.responses, '2').status, 200);
  });

  it('counts an inner request against the mailbox’s concurrency limit', async () => {
    emu.control.setThrottle({ concurrency: 1 });
    emu.control.addFaults([{ kind: 'latency', latencyMs: 1500, path: '/events$' }]);
    const slow = emu.fetch(`${emu.graphUrl}/users/a@x.test/events`, { headers: { authorization: `Bearer ${emu.appToken()}` } });
    await emu.waitForInFlight(1);
    const { body } = await batch([{ id: '1', method: 'GET', url: '/users/a@x.test/calendars' }]);
    assert.equal(byId(body.responses, '1').status, 429);
    assert.equal((await slow).status, 200);
  });

  it('needs the outer bearer token', async () => {
    const res = await emu.fetch(`${emu.graphUrl}/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/users/a@x.test/events' }] }),
    });
    assert.equal(res.status, 401);
    assert.equal(graph.requests.length, 0);
  });
});
