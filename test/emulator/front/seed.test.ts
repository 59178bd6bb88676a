import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EmulatorRequest } from '../../../src/emulator/contract.js';
import { SeedError, parseSeed, replaySeed } from '../../../src/emulator/seed.js';
import { startTestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

/** Answers POSTs with an id derived from the order of creation, like a store would. */
const creatingGraph = (): FakeGraph => {
  let n = 0;
  return new FakeGraph((req: EmulatorRequest) => {
    if (req.method === 'POST') return { status: 201, body: { id: `ID${++n}=`, value: [{ id: `child-of-${n}` }] } };
    if (req.path.endsWith('/boom')) return { status: 400, body: { error: { code: 'ErrorInvalidRequest', message: 'bad' } } };
    return undefined;
  });
};

describe('emulator seed replay', () => {
  it('replays requests as an app-only principal below /users/{user}, resolving $ref values from earlier answers', () => {
    const graph = creatingGraph();
    const seed = parseSeed(
      JSON.stringify({
        requests: [
          { id: 'series', user: 'a@x.test', method: 'post', url: '/events', body: { subject: 's' } },
          { user: 'a@x.test', method: 'POST', url: '/me/calendars', body: { name: 'c' } },
          { user: 'a@x.test', method: 'PATCH', url: '/events/$ref:series.id?x=1', body: { parent: '$ref:1.id', list: ['$ref:series.value.0.id'] } },
          { method: 'GET', url: '/beta/users/b@x.test/events' },
        ],
      }),
      'seed.json',
    );
    replaySeed(seed, graph, 'https://127.0.0.1:1');
    const [first, second, third, fourth] = graph.requests;
    assert.equal(first!.path, '/users/a@x.test/events');
    assert.deepEqual(first!.principal, { kind: 'app', tenant: 'emulator-tenant', clientId: 'calbridge-seed' });
    assert.equal(second!.path, '/users/a@x.test/calendars');
    assert.equal(third!.method, 'PATCH');
    assert.equal(third!.path, '/users/a@x.test/events/ID1=');
    assert.equal(third!.rawQuery, 'x=1');
    assert.deepEqual(third!.body, { parent: 'ID2=', list: ['child-of-1'] });
    assert.equal(fourth!.version, 'beta');
    assert.equal(fourth!.path, '/users/b@x.test/events');
  });

  it('reads YAML seeds', () => {
    const seed = parseSeed('tenants: [contoso]\nrequests:\n  - user: a@x.test\n    method: GET\n    url: /calendars\n', 'seed.yaml');
    assert.deepEqual(seed.tenants, ['contoso']);
    assert.equal(seed.requests[0]!.url, '/calendars');
  });

  it('names the file, the request and the problem when a seed is invalid or a request fails', () => {
    assert.throws(() => parseSeed('{"requests":[{"method":"FETCH","url":"/x"}]}', 'bad.json'), (e: unknown) => e instanceof SeedError && /bad\.json/.test(e.message));
    assert.throws(() => parseSeed('{', 'broken.json'), SeedError);
    const graph = creatingGraph();
    const seed = parseSeed(JSON.stringify({ requests: [{ method: 'GET', url: '/users/a@x.test/boom' }] }), 's.json');
    assert.throws(
      () => replaySeed(seed, graph, 'https://h', 's.json'),
      (e: unknown) => e instanceof SeedError && e.requestIndex === 0 && /requests\[0\].*400 ErrorInvalidRequest/.test(e.message),
    );
    const dangling = parseSeed(JSON.stringify({ requests: [{ method: 'GET', url: '/users/a@x.test/events/$ref:nope.id' }] }), 's.json');
    assert.throws(() => replaySeed(dangling, graph, 'https://h'), /no earlier request 'nope'/);
  });

  it('is replayed by startEmulator from a file before the first request is served', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'seed-test-'));
    const file = join(dir, 'seed.yml');
    await writeFile(file, 'requests:\n  - user: a@x.test\n    method: POST\n    url: /events\n    body: {subject: hello}\n');
    const graph = creatingGraph();
    const emu = await startTestEmulator({ tls: false, seedFile: file, createGraph: () => graph });
    try {
      assert.equal(graph.requests.length, 1);
      assert.deepEqual(graph.requests[0]!.body, { subject: 'hello' });
      assert.equal(graph.requests[0]!.baseUrl, emu.baseUrl);
      assert.equal(emu.control.stats().total, 0, 'seeding bypasses the HTTP front and its counters');
    } finally {
      await emu.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
