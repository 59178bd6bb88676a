import assert from 'node:assert/strict';
import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { Client, GraphError, PageIterator, type PageCollection } from '@microsoft/microsoft-graph-client';
import { TrustingNetworkClient, graphMiddlewareTrusting } from '../../../src/graph/trust.js';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';

/**
 * The headline check: real @azure/msal-node tokens from the emulator's identity endpoints and a real
 * @microsoft/microsoft-graph-client against the emulator's Graph (the real domain service), over https with the
 * emulator's CA — no internet, no mocks.
 */

interface DeltaItem {
  id: string;
  subject?: string;
  '@removed'?: { reason: string };
}

const UPN = 'alice@contoso.example';
const WINDOW = { startDateTime: '2026-12-01T00:00:00Z', endDateTime: '2027-01-01T00:00:00Z' };
const PREFER = { Prefer: 'odata.maxpagesize=2' };

function event(subject: string, day: number): Record<string, unknown> {
  const d = String(day).padStart(2, '0');
  return { subject, start: { dateTime: `2026-12-${d}T10:00:00`, timeZone: 'UTC' }, end: { dateTime: `2026-12-${d}T11:00:00`, timeZone: 'UTC' } };
}

describe('emulator with real MSAL node and the real Graph JS client', function () {
  this.timeout(60_000);
  let emu: TestEmulator;
  let host: string;

  beforeEach(async () => {
    emu = await startTestEmulator();
    host = new URL(emu.baseUrl).host;
  });
  afterEach(() => emu.close());

  function appClient(): { client: Client; cca: ConfidentialClientApplication } {
    const cca = new ConfidentialClientApplication({
      auth: { clientId: 'calbridge-test', clientSecret: 'not-checked', authority: `${emu.baseUrl}/contoso`, knownAuthorities: [host] },
      system: { networkClient: new TrustingNetworkClient(emu.caPem!) },
    });
    const authProvider = {
      getAccessToken: async (): Promise<string> => {
        const result = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
        return result!.accessToken;
      },
    };
    const client = Client.initWithMiddleware({
      middleware: graphMiddlewareTrusting(emu.caPem!, authProvider),
      baseUrl: emu.baseUrl,
      customHosts: new Set([new URL(emu.baseUrl).hostname]),
    });
    return { client, cca };
  }

  async function deltaRound(client: Client, first: PageCollection): Promise<{ items: DeltaItem[]; deltaLink: string }> {
    const items: DeltaItem[] = [];
    const iterator = new PageIterator(client, first, (item: DeltaItem) => (items.push(item), true), { headers: PREFER });
    await iterator.iterate();
    const deltaLink = iterator.getDeltaLink();
    assert.ok(deltaLink, 'the round ends with a deltaLink');
    return { items, deltaLink };
  }

  it('gets a client-credentials token and pages a calendarView delta round (maxpagesize 2) to its deltaLink, then the next round', async () => {
    const { client } = appClient();
    for (let i = 1; i <= 5; i++) await client.api(`/users/${UPN}/events`).post(event(`e${i}`, i));

    const first = (await client.api(`/users/${UPN}/calendarView/delta`).query(WINDOW).headers(PREFER).get()) as PageCollection;
    assert.ok(first['@odata.nextLink'], 'five items at two per page need more than one page');
    const round1 = await deltaRound(client, first);
    assert.deepEqual(round1.items.map((i) => i.subject).sort(), ['e1', 'e2', 'e3', 'e4', 'e5']);
    assert.ok((emu.control.stats().byRoute['GET /users/{id}/calendarView/delta'] ?? 0) >= 3, 'followed nextLinks page by page');

    await client.api(`/users/${UPN}/events`).post(event('e6', 6));
    const second = (await client.api(round1.deltaLink).headers(PREFER).get()) as PageCollection;
    const round2 = await deltaRound(client, second);
    assert.deepEqual(round2.items.map((i) => i.subject), ['e6']);

    emu.control.expireDeltaTokens();
    await assert.rejects(client.api(round2.deltaLink).get(), (e: unknown) => e instanceof GraphError && e.statusCode === 410);
  });

  it('answers 401 when the emulator clock passes the expiry of a token MSAL still has cached', async () => {
    const { client } = appClient();
    await client.api(`/users/${UPN}/events`).get();
    emu.control.advanceClock(2 * 3600 * 1000);
    await assert.rejects(
      client.api(`/users/${UPN}/events`).get(),
      (e: unknown) => e instanceof GraphError && e.statusCode === 401 && e.code === 'InvalidAuthenticationToken',
    );
  });

  it('lets the Graph client’s RetryHandler ride out an injected 429 with Retry-After', async () => {
    const { client } = appClient();
    emu.control.addFaults([{ kind: '429', count: 1, retryAfterSeconds: 0.2 }]);
    const page = (await client.api(`/users/${UPN}/events`).get()) as { value: unknown[] };
    assert.deepEqual(page.value, []);
    assert.deepEqual(emu.control.stats().byStatus, { '429': 1, '200': 1 });
  });

  it('answers a $batch sent through the Graph client, with dependsOn sequencing against the real domain', async () => {
    const client = emu.graphClient();
    const answer = (await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'POST', url: `/users/${UPN}/events`, headers: { 'Content-Type': 'application/json' }, body: event('b1', 4) },
        { id: '2', method: 'GET', url: `users/${UPN}/events?$select=subject`, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: `/users/${UPN}/events/AAMkAGVmMDEz=`, headers: { Prefer: 'outlook.timezone="UTC"' } },
        { id: '4', method: 'DELETE', url: `/users/${UPN}/events/AAMkAGVmMDEz=`, dependsOn: ['3'] },
      ],
    })) as { responses: Array<{ id: string; status: number; body?: { value?: Array<{ subject: string }> } }> };
    const status = Object.fromEntries(answer.responses.map((r) => [r.id, r.status]));
    assert.deepEqual(status, { '1': 201, '2': 200, '3': 404, '4': 424 });
    assert.deepEqual(answer.responses.find((r) => r.id === '2')!.body!.value!.map((e) => e.subject), ['b1']);
  });

  it('signs a user in with the device-code flow (PublicClientApplication) and serves /me', async () => {
    const pca = new PublicClientApplication({
      auth: { clientId: 'calbridge-cli', authority: `${emu.baseUrl}/organizations`, knownAuthorities: [host] },
      system: { networkClient: new TrustingNetworkClient(emu.caPem!) },
    });
    let message = '';
    const result = await pca.acquireTokenByDeviceCode({
      scopes: ['Calendars.ReadWrite'],
      deviceCodeCallback: (r) => {
        message = r.message;
        emu.control.approveDeviceCode(r.userCode, 'bob@contoso.example');
      },
    });
    assert.match(message, /enter the code [A-Z2-9]{9}/);
    assert.equal(result!.account!.username, 'bob@contoso.example');
    const client = Client.initWithMiddleware({
      middleware: graphMiddlewareTrusting(emu.caPem!, { getAccessToken: async () => result!.accessToken }),
      baseUrl: emu.baseUrl,
      customHosts: new Set([new URL(emu.baseUrl).hostname]),
    });
    const created = (await client.api('/me/events').post(event('mine', 3))) as { id: string };
    const read = (await client.api(`/users/bob@contoso.example/events/${created.id}`).get()) as { subject: string };
    assert.equal(read.subject, 'mine');

    const [account] = await pca.getTokenCache().getAllAccounts();
    const silent = await pca.acquireTokenSilent({ account: account!, scopes: ['Calendars.ReadWrite'], forceRefresh: true });
    assert.notEqual(silent.accessToken, result!.accessToken, 'the refresh token was redeemed for a new access token');
  });
});
