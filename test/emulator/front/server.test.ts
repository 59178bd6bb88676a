import assert from 'node:assert/strict';
import type { EmulatorRequest } from '../../../src/emulator/contract.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

interface ErrorBody {
  error: { code: string; innerError: Record<string, string> };
}

describe('emulator front: envelope, ids and malformed requests', () => {
  let emu: TestEmulator;
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = new FakeGraph((req: EmulatorRequest) => {
      if (req.path.endsWith('/explode')) throw new Error('domain bug');
      return undefined;
    });
    emu = await startTestEmulator({ tls: false, createGraph: () => graph });
  });
  afterEach(() => emu.close());

  const send = (path: string, init: RequestInit = {}): Promise<Response> =>
    emu.fetch(`${emu.baseUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${emu.appToken()}`, 'content-type': 'application/json', ...init.headers },
    });

  it('echoes client-request-id and puts request-id in headers of successful answers', async () => {
    const res = await send('/v1.0/users/a@x.test/events', { headers: { 'client-request-id': 'my-id-1' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('client-request-id'), 'my-id-1');
    assert.match(res.headers.get('request-id') ?? '', /^[0-9a-f-]{36}$/);
  });

  it('serves beta as well as v1.0', async () => {
    await send('/beta/users/a@x.test/events');
    assert.equal(graph.requests[0]!.version, 'beta');
  });

  it('answers a domain exception with 500 generalException in the envelope', async () => {
    const res = await send('/v1.0/users/a@x.test/explode', { headers: { 'client-request-id': 'c-2' } });
    assert.equal(res.status, 500);
    const body = (await res.json()) as ErrorBody;
    assert.equal(body.error.code, 'generalException');
    assert.equal(body.error.innerError['client-request-id'], 'c-2');
  });

  it('answers invalid JSON with 400 BadRequest before reaching the domain', async () => {
    const res = await send('/v1.0/users/a@x.test/events', { method: 'POST', body: '{"subject":' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as ErrorBody).error.code, 'BadRequest');
    assert.equal(graph.requests.length, 0);
  });

  it('answers 405 to methods Graph does not take', async () => {
    const res = await send('/v1.0/users/a@x.test/events', { method: 'OPTIONS' });
    assert.equal(res.status, 405);
  });

  it('answers 400 for an unknown version and 413 for an oversized body, both in the envelope', async () => {
    const unknown = await send('/v2.0/users/a@x.test/events');
    assert.equal(unknown.status, 400);
    assert.ok(((await unknown.json()) as ErrorBody).error.innerError['request-id']);
    const huge = await send('/v1.0/users/a@x.test/events', { method: 'POST', body: `"${'x'.repeat(9 * 1024 * 1024)}"` });
    assert.equal(huge.status, 413);
    assert.equal(((await huge.json()) as ErrorBody).error.code, 'RequestEntityTooLarge');
    assert.equal(graph.requests.length, 0);
  });
});
