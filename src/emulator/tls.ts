import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The emulator serves https by default because the Graph JS client only treats absolute links starting with
 * `https://` as links (SDKJS:src/GraphRequest.ts parsePath, graph-api.md §13), and MSAL refuses non-https
 * authorities. A throw-away CA is generated at every start; clients trust it through ca.pem.
 */
export interface ServerTls {
  readonly key: string;
  readonly cert: string;
  /** PEM of the CA that signed `cert`: what a client must trust. */
  readonly caPem: string;
  /** Path of the CA PEM written to a fresh temp dir. */
  readonly caFile: string;
  /** Removes the temp dir. */
  dispose(): Promise<void>;
}

type AltName = { type: 2; value: string } | { type: 7; ip: string };

function altNamesFor(host: string): AltName[] {
  const names: AltName[] = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) {
    if (bare !== '127.0.0.1' && bare !== '::1') names.push({ type: 7, ip: bare });
  } else if (bare !== 'localhost' && bare !== '') {
    names.push({ type: 2, value: bare });
  }
  return names;
}

export async function createServerTls(host: string): Promise<ServerTls> {
  // EC keys: generation takes milliseconds where RSA takes a noticeable fraction of a second per start.
  const ca = await generate([{ name: 'commonName', value: 'calbridge Graph emulator CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const server = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: altNamesFor(host) },
    ],
  });
  const dir = await mkdtemp(join(tmpdir(), 'calbridge-emulator-'));
  const caFile = join(dir, 'ca.pem');
  await writeFile(caFile, ca.cert, { mode: 0o644 });
  return {
    key: server.private,
    cert: server.cert,
    caPem: ca.cert,
    caFile,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
