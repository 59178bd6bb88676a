import assert from 'node:assert/strict';
import { DavNetworkError } from '../../src/caldav/errors.js';
import { KeyedLimiter } from '../../src/http/limiter.js';
import { DavTransport, type TransportOptions } from '../../src/caldav/transport.js';
import { retryAfterMs } from '../../src/http/retry.js';

interface Seen {
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

function scripted(answers: (() => Promise<Response>)[], seen: Seen[]): typeof fetch {
  return async (_input, init) => {
    seen.push({ headers: { ...(init?.headers as Record<string, string>) }, signal: init?.signal ?? undefined });
    const next = answers.shift();
    assert.ok(next, 'more requests than scripted answers');
    return next();
  };
}

function transport(fetchFn: typeof fetch, sleeps: number[], opts: TransportOptions = {}): DavTransport {
  return new DavTransport({
    fetch: fetchFn,
    maxAttempts: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    random: () => 0,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    limiter: new KeyedLimiter(2),
    ...opts,
  });
}

describe('caldav transport', () => {
  it('sends Basic auth and Depth, and a fresh, unexpired timeout signal on every attempt', async () => {
    const seen: Seen[] = [];
    const sleeps: number[] = [];
    const t = transport(scripted([
      async () => new Response('', { status: 502 }),
      async () => new Response('<ok/>', { status: 207 }),
    ], seen), sleeps, { credentials: { username: 'bob', password: 'pä:ss' } });
    const reply = await t.request({ method: 'PROPFIND', url: 'http://dav.test/cal/', depth: '1', body: '<x/>' });
    assert.equal(reply.status, 207);
    assert.equal(reply.body, '<ok/>');
    assert.equal(seen.length, 2);
    assert.equal(seen[0]?.headers.Authorization, `Basic ${Buffer.from('bob:pä:ss').toString('base64')}`);
    assert.equal(seen[0]?.headers.Depth, '1');
    assert.notEqual(seen[0]?.signal, seen[1]?.signal);
    assert.equal(seen[1]?.signal?.aborted, false);
    assert.deepEqual(sleeps, [50]); // equal jitter, random() = 0: half of the 100 ms ceiling
  });

  it('retries network errors with growing backoff, then throws DavNetworkError with the cause', async () => {
    const seen: Seen[] = [];
    const sleeps: number[] = [];
    const refused = async () => {
      throw new TypeError('fetch failed: ECONNREFUSED');
    };
    const t = transport(scripted([refused, refused, refused], seen), sleeps);
    await assert.rejects(t.request({ method: 'GET', url: 'http://dav.test/x.ics' }), (err: unknown) =>
      err instanceof DavNetworkError && err.attempts === 3 && /ECONNREFUSED/.test(err.message));
    assert.deepEqual(sleeps, [50, 100]);
  });

  it('turns a request that outlives its timeout into a retryable failure', async () => {
    const seen: Seen[] = [];
    const hang = () => new Promise<Response>((_resolve, reject) => {
      const signal = seen[seen.length - 1]?.signal;
      signal?.addEventListener('abort', () => reject(signal.reason));
    });
    const t = transport(scripted([hang, async () => new Response('late but fine', { status: 200 })], seen), [],
      { timeoutMs: 20 });
    const reply = await t.request({ method: 'GET', url: 'http://dav.test/x.ics' });
    assert.equal(reply.body, 'late but fine');
    assert.equal(seen[0]?.signal?.aborted, true);
  });

  it('does not retry ordinary client errors', async () => {
    const seen: Seen[] = [];
    const t = transport(scripted([async () => new Response('gone', { status: 404 })], seen), []);
    assert.equal((await t.request({ method: 'GET', url: 'http://dav.test/x.ics' })).status, 404);
    assert.equal(seen.length, 1);
  });

  it('reads Retry-After as seconds or an HTTP date, capped, and ignores junk', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    assert.equal(retryAfterMs('3', 10_000, now), 3000);
    assert.equal(retryAfterMs('Thu, 26 Nov 2026 12:00:05 GMT', 10_000, now), 5000);
    assert.equal(retryAfterMs('Thu, 26 Nov 2026 11:00:00 GMT', 10_000, now), 0);
    assert.equal(retryAfterMs('600', 10_000, now), 10_000);
    assert.equal(retryAfterMs('soon', 10_000, now), undefined);
    assert.equal(retryAfterMs(null, 10_000, now), undefined);
  });
});
