import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { EmulatorRequest, EmulatorResponse, GraphService, Principal } from './contract.js';
import { splitRelativeUrl } from './batch.js';

/**
 * Seeding goes through normal Graph calls: a seed file (JSON, or YAML by extension .yaml/.yml) lists Graph requests
 * replayed in order through GraphService.handle as an app-only principal. Format (see
 * config/emulator-seed.example.json):
 *   tenants?, clients?   accept only these tenants / client ids at the token endpoint (default: any)
 *   deviceCode?          { autoApproveAfterPolls, upn }: approve device-code sign-ins without the control API
 *   requests[]           { id?, user?, method, url, body?, headers? }
 * `url` is relative to the version ('/v1.0' by default; a leading '/beta' or '/v1.0' picks one). With `user`, '/me…'
 * means '/users/{user}…' and any other url not starting with '/users/' is taken below '/users/{user}'.
 * A string "$ref:<key>.<path>" (key = a request's `id`, or its 0-based index) is replaced by that value of an earlier
 * response: as a whole string it keeps the value's JSON type; inside a longer string (e.g. a url) it is spliced in.
 */

const methodSchema = z
  .string()
  .transform((m) => m.toUpperCase())
  .pipe(z.enum(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']));

export const seedSchema = z.object({
  tenants: z.array(z.string()).optional(),
  clients: z.array(z.string()).optional(),
  deviceCode: z.object({ autoApproveAfterPolls: z.number().int().positive(), upn: z.string() }).optional(),
  requests: z
    .array(
      z.object({
        id: z.string().optional(),
        user: z.string().optional(),
        method: methodSchema,
        url: z.string().min(1),
        body: z.unknown().optional(),
        headers: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default([]),
});

export type EmulatorSeed = z.output<typeof seedSchema>;
type SeedRequest = EmulatorSeed['requests'][number];

export class SeedError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly requestIndex?: number,
  ) {
    super(message);
    this.name = 'SeedError';
  }
}

export function parseSeed(text: string, file: string): EmulatorSeed {
  let raw: unknown;
  try {
    raw = /\.ya?ml$/i.test(extname(file)) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new SeedError(`${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'}: ${(err as Error).message}`, file);
  }
  const parsed = seedSchema.safeParse(raw);
  if (!parsed.success) throw new SeedError(`${file}: ${z.prettifyError(parsed.error)}`, file);
  return parsed.data;
}

export async function loadSeedFile(file: string): Promise<EmulatorSeed> {
  return parseSeed(await readFile(file, 'utf8'), file);
}

const REF = /\$ref:([\w-]+)((?:\.[\w@-]+)+)/g;
const WHOLE_REF = /^\$ref:([\w-]+)((?:\.[\w@-]+)+)$/;

class RefResolver {
  private readonly byKey = new Map<string, unknown>();

  constructor(private readonly index: number) {}

  static over(done: ReadonlyArray<{ key?: string; body: unknown }>, index: number): RefResolver {
    const r = new RefResolver(index);
    done.forEach((d, i) => {
      r.byKey.set(String(i), d.body);
      if (d.key !== undefined) r.byKey.set(d.key, d.body);
    });
    return r;
  }

  lookup(key: string, dotted: string): unknown {
    if (!this.byKey.has(key)) throw new SeedError(`$ref:${key}${dotted}: no earlier request '${key}'`, undefined, this.index);
    let value = this.byKey.get(key);
    for (const part of dotted.slice(1).split('.')) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
      if (value === undefined) throw new SeedError(`$ref:${key}${dotted}: not in that response`, undefined, this.index);
    }
    return value;
  }

  substitute(value: unknown): unknown {
    if (typeof value === 'string') {
      const whole = WHOLE_REF.exec(value);
      if (whole) return this.lookup(whole[1]!, whole[2]!);
      return value.replace(REF, (_m, key: string, dotted: string) => String(this.lookup(key, dotted)));
    }
    if (Array.isArray(value)) return value.map((v) => this.substitute(v));
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.substitute(v)]));
    }
    return value;
  }
}

function locate(url: string, user: string | undefined): { version: EmulatorRequest['version']; path: string; rawQuery: string } {
  const versioned = /^\/?(v1\.0|beta)(\/.*|\?.*)?$/i.exec(url);
  const version = versioned?.[1]?.toLowerCase() === 'beta' ? 'beta' : 'v1.0';
  const { path, rawQuery } = splitRelativeUrl(versioned ? (versioned[2] ?? '/') : url);
  if (user === undefined) return { version, path, rawQuery };
  const me = /^\/me(\/.*)?$/i.exec(path);
  if (me) return { version, path: `/users/${user}${me[1] ?? ''}`, rawQuery };
  if (/^\/users\//i.test(path)) return { version, path, rawQuery };
  return { version, path: `/users/${user}${path === '/' ? '' : path}`, rawQuery };
}

function errorText(res: EmulatorResponse): string {
  const body = res.body as { error?: { code?: string; message?: string } } | undefined;
  return body?.error ? `${body.error.code ?? ''}: ${body.error.message ?? ''}` : JSON.stringify(res.body);
}

/** Replays the seed's requests in order; stops at the first non-2xx answer with a SeedError naming the request. */
export function replaySeed(seed: EmulatorSeed, graph: GraphService, baseUrl: string, file?: string): EmulatorResponse[] {
  const principal: Principal = { kind: 'app', tenant: seed.tenants?.[0] ?? 'emulator-tenant', clientId: 'calbridge-seed' };
  const done: Array<{ key?: string; body: unknown }> = [];
  const answers: EmulatorResponse[] = [];
  seed.requests.forEach((r: SeedRequest, index) => {
    const where = `${file ?? 'seed'}: requests[${index}] ${r.method} ${r.url}`;
    try {
      const refs = RefResolver.over(done, index);
      const url = refs.substitute(r.url) as string;
      const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const req: EmulatorRequest = {
        method: r.method,
        ...locate(url, r.user),
        headers: { 'content-type': 'application/json', ...headers },
        body: refs.substitute(r.body),
        principal,
        baseUrl,
      };
      const res = graph.handle(req);
      if (res.status >= 400) throw new SeedError(`answered ${res.status} ${errorText(res)}`, file, index);
      answers.push(res);
      done.push({ ...(r.id !== undefined ? { key: r.id } : {}), body: res.body });
    } catch (err) {
      if (err instanceof Error) throw new SeedError(`${where}: ${err.message}`, file, index);
      throw err;
    }
  });
  return answers;
}
