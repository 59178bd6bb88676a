import { readFileSync } from 'node:fs';

/**
 * Secrets are given by reference so that config files can be shared and committed:
 * `env:NAME` reads an environment variable, `file:/path` reads a file (trailing newline dropped).
 * Any other string is taken literally.
 */
export class SecretResolutionError extends Error {
  constructor(
    readonly reference: string,
    reason: string,
  ) {
    super(`${reference}: ${reason}`);
    this.name = 'SecretResolutionError';
  }
}

export function resolveSecret(reference: string, env: NodeJS.ProcessEnv = process.env): string {
  if (reference.startsWith('env:')) {
    const name = reference.slice(4);
    const value = env[name];
    if (value === undefined || value === '') {
      throw new SecretResolutionError(reference, `environment variable ${name} is not set`);
    }
    return value;
  }
  if (reference.startsWith('file:')) {
    const path = reference.slice(5);
    try {
      return readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code ?? String(err);
      throw new SecretResolutionError(reference, `cannot read ${path} (${why})`);
    }
  }
  return reference;
}
