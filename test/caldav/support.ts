// Shared by the CalDAV integration tests: which servers to run against, a client tuned for fast retries, ICS bodies.
import { CalDavClient } from '../../src/caldav/client.js';
import { KeyedLimiter } from '../../src/http/limiter.js';
import type { TransportOptions } from '../../src/caldav/transport.js';
import { startRadicale, startXandikos, type DavServer } from '../helpers/dav-servers.js';

export const SERVER_KINDS = ['radicale', 'xandikos'] as const;

export function startServer(kind: DavServer['kind']): Promise<DavServer> {
  return kind === 'radicale' ? startRadicale() : startXandikos();
}

export function clientFor(server: Pick<DavServer, 'username' | 'password'>, opts: TransportOptions = {}): CalDavClient {
  return new CalDavClient({
    credentials: { username: server.username, password: server.password },
    timeoutMs: 10_000,
    baseDelayMs: 5,
    maxDelayMs: 50,
    limiter: new KeyedLimiter(2),
    ...opts,
  });
}

export function eventIcs(uid: string, summary: string, start = '20260301T090000Z', end = '20260301T100000Z'): string {
  return [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//calbridge//test//EN',
    'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART:${start}`, `DTEND:${end}`, `SUMMARY:${summary}`,
    'END:VEVENT', 'END:VCALENDAR', '',
  ].join('\r\n');
}

export interface ScriptedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/** A client whose server is a list of canned answers, one per request, for status mappings no real server shows. */
export function scriptedClient(answers: Response[]): { client: CalDavClient; requests: ScriptedRequest[] } {
  const requests: ScriptedRequest[] = [];
  const fakeFetch: typeof fetch = async (input, init) => {
    requests.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const next = answers.shift();
    if (!next) throw new Error(`unscripted request ${init?.method} ${String(input)}`);
    return next;
  };
  const client = new CalDavClient({ fetch: fakeFetch, maxAttempts: 1, limiter: new KeyedLimiter(2) });
  return { client, requests };
}

export function xmlResponse(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, { status, headers: { 'content-type': 'application/xml; charset=utf-8', ...headers } });
}
