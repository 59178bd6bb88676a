// Named errors of the CalDAV layer. Each carries what a log line or a conflict resolver needs to act on it.

const EXCERPT_CHARS = 500;

export function bodyExcerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
}

/** A DAV request answered with a status the caller cannot use. */
export class DavHttpError extends Error {
  readonly bodyExcerpt: string;
  constructor(
    readonly method: string,
    readonly href: string,
    readonly status: number,
    body: string,
    detail?: string,
  ) {
    const excerpt = bodyExcerpt(body);
    super(`${method} ${href} → ${status}${detail ? ` (${detail})` : ''}${excerpt ? `: ${excerpt}` : ''}`);
    this.name = 'DavHttpError';
    this.bodyExcerpt = excerpt;
  }
}

/** 401/403 on authentication: wrong credentials or no access. */
export class DavAuthError extends DavHttpError {
  constructor(method: string, href: string, status: number, body: string) {
    super(method, href, status, body, 'authentication failed or access denied — check username/password');
    this.name = 'DavAuthError';
  }
}

/** 412: the resource changed since the etag was read (update/delete) or already exists (create). */
export class PreconditionFailedError extends DavHttpError {
  constructor(
    method: string,
    href: string,
    body: string,
    readonly sentEtag: string | undefined,
  ) {
    super(method, href, 412, body, sentEtag ? `stale etag ${sentEtag}` : 'resource already exists');
    this.name = 'PreconditionFailedError';
  }
}

/** RFC 4791 §5.3.2.1 no-uid-conflict: another resource in the collection already holds this UID. */
export class UidConflictError extends DavHttpError {
  constructor(
    method: string,
    href: string,
    status: number,
    body: string,
    /** The resource that already holds the UID, when the server names it. */
    readonly existingHref: string | undefined,
  ) {
    super(method, href, status, body, `UID already used${existingHref ? ` by ${existingHref}` : ''}`);
    this.name = 'UidConflictError';
  }
}

/** A write was refused because the caller has no etag usable for If-Match (none, or a weak one). */
export class MissingEtagError extends Error {
  constructor(
    readonly method: string,
    readonly href: string,
    readonly etag: string | undefined,
  ) {
    super(etag
      ? `${method} ${href}: refusing If-Match with weak etag ${etag} — it never matches (RFC 9110 §13.1.1); fetch getetag`
      : `${method} ${href}: refusing an unconditional write — no etag known; fetch it first`);
    this.name = 'MissingEtagError';
  }
}

/** The server's XML could not be parsed or lacks an element the protocol requires. */
export class DavXmlError extends Error {
  constructor(
    readonly href: string,
    message: string,
  ) {
    super(`${href}: ${message}`);
    this.name = 'DavXmlError';
  }
}

/** Discovery could not find what it was asked for. */
export class DiscoveryError extends Error {
  constructor(
    readonly href: string,
    message: string,
  ) {
    super(`${href}: ${message}`);
    this.name = 'DiscoveryError';
  }
}

/** The request never got an HTTP answer (network error, timeout) after all retries. */
export class DavNetworkError extends Error {
  constructor(
    readonly method: string,
    readonly href: string,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    super(`${method} ${href}: no response after ${attempts} attempt(s): ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DavNetworkError';
  }
}
