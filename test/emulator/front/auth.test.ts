import assert from 'node:assert/strict';
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator.js';
import { FakeGraph } from './fake-graph.js';

type Json = Record<string, unknown>;

describe('emulator front: bearer tokens and the OAuth2 endpoints', () => {
  let emu: TestEmulator;
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = new FakeGraph();
    emu = await startTestEmulator({ tls: false, createGraph: () => graph });
  });
  afterEach(() => emu.close());

  const get = (path: string, token?: string): Promise<Response> =>
    emu.fetch(`${emu.graphUrl}${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } });
  const form = (path: string, fields: Record<string, string>): Promise<Response> =>
    emu.fetch(`${emu.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });

  it('answers 401 InvalidAuthenticationToken in Graph’s envelope without a token, and never reaches the domain', async () => {
    const res = await get('/users/a@x.test/events');
    assert.equal(res.status, 401);
    const body = (await res.json()) as { error: { code: string; innerError: Json } };
    assert.equal(body.error.code, 'InvalidAuthenticationToken');
    assert.equal(body.error.innerError['request-id'], res.headers.get('request-id'));
    assert.match(String(body.error.innerError.date), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.ok(res.headers.get('client-request-id'));
    assert.equal(graph.requests.length, 0);
  });

  it('rejects a forged token (valid shape, wrong signature)', async () => {
    const [h, p] = emu.appToken().split('.');
    const res = await get('/users/a@x.test/events', `${h}.${p}.AAAA`);
    assert.equal(res.status, 401);
  });

  it('answers 401 once the emulator clock passes the token’s expiry', async () => {
    const token = emu.appToken();
    assert.equal((await get('/users/a@x.test/events', token)).status, 200);
    emu.control.advanceClock(3601 * 1000);
    const res = await get('/users/a@x.test/events', token);
    assert.equal(res.status, 401);
    const body = (await res.json()) as { error: { message: string } };
    assert.match(body.error.message, /expired/);
  });

  it('answers 401 for tokens issued before POST /_emulator/tokens/expire, and accepts new ones', async () => {
    const old = emu.appToken();
    const expire = await emu.fetch(`${emu.baseUrl}/_emulator/tokens/expire`, { method: 'POST' });
    assert.equal(expire.status, 204);
    assert.equal((await get('/users/a@x.test/events', old)).status, 401);
    assert.equal((await get('/users/a@x.test/events', emu.appToken())).status, 200);
  });

  it('hands the domain the principal, decoded path and raw query (a literal + stays a +)', async () => {
    const res = await get('/users/a%40x.test/calendarView?startDateTime=2026-01-01T00:00:00+01:00&x=%2B', emu.appToken());
    assert.equal(res.status, 200);
    const req = graph.requests[0]!;
    assert.equal(req.path, '/users/a@x.test/calendarView');
    assert.equal(req.rawQuery, 'startDateTime=2026-01-01T00:00:00+01:00&x=%2B');
    assert.deepEqual(req.principal, { kind: 'app', tenant: 'emulator-tenant', clientId: 'emulator-client' });
    assert.equal(req.baseUrl, emu.baseUrl);
  });

  it('refuses /me for app-only tokens and serves it for delegated ones', async () => {
    const app = await get('/me/events', emu.appToken());
    assert.equal(app.status, 400);
    assert.equal(((await app.json()) as { error: { code: string } }).error.code, 'BadRequest');
    const user = await get('/me/events', emu.userToken('Bob@x.test'));
    assert.equal(user.status, 200);
    assert.equal(graph.requests[0]!.principal.upn, 'Bob@x.test');
  });

  it('serves OpenID metadata whose endpoints and issuer sit on the emulator', async () => {
    const res = await emu.fetch(`${emu.baseUrl}/contoso/v2.0/.well-known/openid-configuration`);
    const doc = (await res.json()) as Json;
    assert.equal(doc.token_endpoint, `${emu.baseUrl}/contoso/oauth2/v2.0/token`);
    assert.equal(doc.issuer, `${emu.baseUrl}/contoso/v2.0`);
    assert.ok(doc.jwks_uri && doc.authorization_endpoint);
  });

  it('issues client-credentials tokens that Graph accepts, and names missing secrets and bad scopes', async () => {
    const ok = await form('/contoso/oauth2/v2.0/token', {
      grant_type: 'client_credentials',
      client_id: 'app-1',
      client_secret: 'x',
      scope: 'https://graph.microsoft.com/.default',
    });
    assert.equal(ok.status, 200);
    const token = ((await ok.json()) as { access_token: string }).access_token;
    assert.equal((await get('/users/a@x.test/events', token)).status, 200);
    assert.deepEqual(graph.requests[0]!.principal, { kind: 'app', tenant: 'contoso', clientId: 'app-1' });

    const noSecret = await form('/contoso/oauth2/v2.0/token', { grant_type: 'client_credentials', client_id: 'app-1', scope: 'https://graph.microsoft.com/.default' });
    assert.equal(noSecret.status, 401);
    assert.equal(((await noSecret.json()) as Json).error, 'invalid_client');
    const badScope = await form('/contoso/oauth2/v2.0/token', { grant_type: 'client_credentials', client_id: 'app-1', client_secret: 'x', scope: 'Calendars.Read' });
    assert.equal(((await badScope.json()) as Json).error, 'invalid_scope');
  });

  it('runs the device-code flow: pending until approved through the control API, then a delegated token', async () => {
    const dc = (await (await form('/organizations/oauth2/v2.0/devicecode', { client_id: 'pub', scope: 'Calendars.ReadWrite offline_access openid' })).json()) as Json;
    assert.match(String(dc.user_code), /^[A-Z2-9]{9}$/);
    assert.equal(typeof dc.interval, 'number');
    const poll = (): Promise<Response> =>
      form('/organizations/oauth2/v2.0/token', { grant_type: 'device_code', client_id: 'pub', device_code: String(dc.device_code), client_info: '1' });
    const pending = await poll();
    assert.equal(pending.status, 400);
    assert.equal(((await pending.json()) as Json).error, 'authorization_pending');
    const approve = await emu.fetch(`${emu.baseUrl}/_emulator/devicecode/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user_code: dc.user_code, upn: 'carol@x.test' }),
    });
    assert.equal(approve.status, 204);
    const done = (await (await poll()).json()) as Json;
    const claims = JSON.parse(Buffer.from(String(done.id_token).split('.')[1]!, 'base64url').toString()) as Json;
    assert.equal(claims.preferred_username, 'carol@x.test');
    assert.ok(claims.oid && claims.tid);
    assert.ok(done.client_info && done.refresh_token);
    assert.equal((await get('/me/events', String(done.access_token))).status, 200);
    assert.equal(graph.requests[0]!.principal.upn, 'carol@x.test');
    // A redeemed code cannot be used again.
    assert.equal(((await (await poll()).json()) as Json).error, 'invalid_grant');
  });

  it('auto-approves device codes after the configured number of polls', async () => {
    emu.control.autoApproveDeviceCodes({ afterPolls: 2, upn: 'dave@x.test' });
    const dc = (await (await form('/common/oauth2/v2.0/devicecode', { client_id: 'pub', scope: 'Calendars.Read' })).json()) as Json;
    const poll = async (): Promise<Json> =>
      (await (await form('/common/oauth2/v2.0/token', { grant_type: 'device_code', client_id: 'pub', device_code: String(dc.device_code) })).json()) as Json;
    assert.equal((await poll()).error, 'authorization_pending');
    assert.ok((await poll()).access_token);
  });

  it('refreshes a delegated token with its refresh token', async () => {
    emu.control.autoApproveDeviceCodes({ afterPolls: 1, upn: 'erin@x.test' });
    const dc = (await (await form('/contoso/oauth2/v2.0/devicecode', { client_id: 'pub', scope: 'Calendars.Read offline_access' })).json()) as Json;
    const first = (await (await form('/contoso/oauth2/v2.0/token', { grant_type: 'device_code', client_id: 'pub', device_code: String(dc.device_code) })).json()) as Json;
    const refreshed = (await (await form('/contoso/oauth2/v2.0/token', { grant_type: 'refresh_token', client_id: 'pub', refresh_token: String(first.refresh_token), scope: 'Calendars.Read' })).json()) as Json;
    assert.notEqual(refreshed.access_token, first.access_token);
    assert.equal((await get('/me/events', String(refreshed.access_token))).status, 200);
  });
});

describe('emulator front: seed restrictions on tenants and clients', () => {
  it('refuses unknown tenants and clients at the token endpoint', async () => {
    const emu = await startTestEmulator({
      tls: false,
      createGraph: () => new FakeGraph(),
      seed: { tenants: ['contoso'], clients: ['app-1'], requests: [] },
    });
    try {
      const token = (tenant: string, clientId: string): Promise<Response> =>
        emu.fetch(`${emu.baseUrl}/${tenant}/oauth2/v2.0/token`, {
          method: 'POST',
          body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: 's', scope: 'https://graph.microsoft.com/.default' }).toString(),
        });
      assert.equal((await token('contoso', 'app-1')).status, 200);
      const wrongTenant = await token('fabrikam', 'app-1');
      assert.equal(wrongTenant.status, 400);
      assert.match(String(((await wrongTenant.json()) as Json).error_description), /AADSTS90002/);
      const wrongClient = await token('contoso', 'app-2');
      assert.equal(((await wrongClient.json()) as Json).error, 'unauthorized_client');
    } finally {
      await emu.close();
    }
  });
});
