import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type CalbridgeConfig } from './schema.js';
import { resolveSecret, SecretResolutionError } from './secrets.js';

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/** `--config FILE`, else $CALBRIDGE_CONFIG, else /etc/calbridge/config.yaml. */
export function configPath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env.CALBRIDGE_CONFIG ?? '/etc/calbridge/config.yaml';
}

export function defaultDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const stateHome = env.XDG_STATE_HOME || join(homedir(), '.local', 'state');
  return `sqlite:${join(stateHome, 'calbridge', 'calbridge.db')}`;
}

function keyPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)), '');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return `${keyPath(issue.path) || '(top level)'}: ${issue.message}`;
}

/** Parse and validate YAML text; secrets references are resolved, errors name the key. */
export function parseConfig(text: string, file: string, env: NodeJS.ProcessEnv = process.env): CalbridgeConfig {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new ConfigError(file, doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}`));
  }
  const parsed = configSchema.safeParse(doc.toJS());
  if (!parsed.success) throw new ConfigError(file, parsed.error.issues.map(describeIssue));
  const config = parsed.data;
  const problems: string[] = [];
  const resolve = (value: string | undefined, key: string): string | undefined => {
    if (value === undefined) return undefined;
    try {
      return resolveSecret(value, env);
    } catch (err) {
      if (err instanceof SecretResolutionError) problems.push(`${key}: ${err.message}`);
      else throw err;
      return undefined;
    }
  };
  const pairs = config.pairs.map((pair, i) => ({
    ...pair,
    graph: { ...pair.graph, clientSecret: resolve(pair.graph.clientSecret, `pairs[${i}].graph.clientSecret`) },
    caldav: { ...pair.caldav, password: resolve(pair.caldav.password, `pairs[${i}].caldav.password`) },
  }));
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { ...config, database: config.database ?? defaultDatabaseUrl(env), pairs };
}

export function loadConfig(file: string, env: NodeJS.ProcessEnv = process.env): CalbridgeConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(file, [`cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  return parseConfig(text, file, env);
}
