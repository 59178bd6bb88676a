import { z } from 'zod';
import { parseDuration } from './duration.js';

/**
 * The YAML configuration (config/calbridge.example.yaml). Keys may be added over time, never renamed:
 * users' files and systemd units depend on them.
 */

const duration = (what: string) =>
  z
    .string()
    .refine((s) => parseDuration(s) !== undefined, {
      message: `${what}: expected a duration such as 30s, 5m, 1h, 90d, 2w or 2y`,
    })
    .transform((s) => parseDuration(s)!);

const secretRef = z
  .string()
  .min(1)
  .describe('a secret: env:NAME reads an environment variable, file:/path reads a file, anything else is literal');

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

export const graphSideSchema = z
  .object({
    baseUrl: httpUrl.default('https://graph.microsoft.com').describe('Graph root; the emulator baseUrl in tests and demo'),
    authority: httpUrl.describe('e.g. https://login.microsoftonline.com/contoso.onmicrosoft.com'),
    clientId: z.string().min(1),
    auth: z.enum(['client-credentials', 'device-code']).default('client-credentials'),
    clientSecret: secretRef.optional().describe('required for client-credentials'),
    user: z.string().min(1).optional().describe('mailbox (UPN or id); required for app-only auth'),
    calendar: z.string().min(1).optional().describe('calendar name or id; the default calendar when omitted'),
    caFile: z.string().min(1).optional().describe('an extra CA certificate (PEM) to trust'),
    tokenCache: z.string().min(1).optional().describe('device-code token cache file (mode 0600)'),
    writeAttendees: z
      .boolean()
      .default(false)
      .describe('write attendees to Graph (Graph then mails invitations); off: attendees go into the body text'),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.auth === 'client-credentials') {
      if (!g.clientSecret) ctx.addIssue({ code: 'custom', path: ['clientSecret'], message: 'required when auth is client-credentials' });
      if (!g.user) ctx.addIssue({ code: 'custom', path: ['user'], message: 'required when auth is client-credentials (app-only tokens have no /me)' });
    }
  });

export const caldavSideSchema = z
  .object({
    url: httpUrl.describe('CalDAV server, principal or calendar-home URL'),
    username: z.string().optional(),
    password: secretRef.optional(),
    calendar: z.string().min(1).optional().describe('display name or path; created when missing'),
  })
  .strict();

export const pairSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'letters, digits, ".", "_" and "-" only'),
    graph: graphSideSchema,
    caldav: caldavSideSchema,
    direction: z.enum(['both', 'graph-to-caldav', 'caldav-to-graph']).default('both'),
    window: z
      .object({ past: duration('window.past').default(90 * 86_400_000), future: duration('window.future').default(2 * 365 * 86_400_000) })
      .strict()
      .default({ past: 90 * 86_400_000, future: 2 * 365 * 86_400_000 }),
    conflicts: z.enum(['newest-wins', 'graph-wins', 'caldav-wins']).default('newest-wins'),
    interval: duration('interval').default(5 * 60_000),
    deleteThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.2)
      .describe('a cycle that would delete more than this share of a calendar stops and reports instead'),
  })
  .strict();

export const configSchema = z
  .object({
    database: z
      .string()
      .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'expected sqlite:PATH or postgres://…')
      .optional()
      .describe('default: sqlite in $XDG_STATE_HOME/calbridge'),
    http: z
      .object({ host: z.string().default('127.0.0.1'), port: z.number().int().min(0).max(65535).default(9466) })
      .strict()
      .optional()
      .describe('daemon HTTP endpoint: /healthz, /metrics, webhooks'),
    pairs: z.array(pairSchema).min(1, 'at least one pair is needed'),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.pairs.forEach((p, i) => {
      if (seen.has(p.name)) ctx.addIssue({ code: 'custom', path: ['pairs', i, 'name'], message: `duplicate pair name "${p.name}"` });
      seen.add(p.name);
    });
  });

export type CalbridgeConfig = z.output<typeof configSchema>;
export type PairConfig = z.output<typeof pairSchema>;

/** JSON Schema of the YAML file, for editors (`calbridge config schema`). */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
