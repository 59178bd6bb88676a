/**
 * Discovery documents MSAL fetches before it talks to the token endpoint.
 * - OpenID configuration at `<authority>/v2.0/.well-known/openid-configuration`: msal-common
 *   Authority.defaultOpenIdConfigurationEndpoint; it must carry authorization_endpoint, token_endpoint, issuer and
 *   jwks_uri (msal-common isOpenIdConfigResponse), and the issuer must share scheme+host+port with the authority
 *   (Authority.validateIssuer rule 1). The device-code endpoint is derived from token_endpoint by MSAL.
 * - Instance discovery (`/common/discovery/instance`): MSAL only ever asks login.microsoftonline.com for it, so a
 *   client must set `knownAuthorities: [<emulator host:port>]` (or `cloudDiscoveryMetadata`); we serve the same
 *   document here so a client can copy it into `cloudDiscoveryMetadata` without internet.
 */

export function openIdConfiguration(baseUrl: string, tenant: string): Record<string, unknown> {
  const root = `${baseUrl}/${tenant}`;
  return {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${root}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${root}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'preferred_username', 'name', 'tid', 'ver', 'oid'],
    tenant_region_scope: null,
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

export function instanceDiscovery(baseUrl: string): Record<string, unknown> {
  const host = new URL(baseUrl).host;
  return {
    tenant_discovery_endpoint: `${baseUrl}/common/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  };
}

/** Tokens are HMAC-signed with a secret nobody outside needs, so the key set is empty. */
export const jsonWebKeySet = { keys: [] };
