import { randomBytes } from 'node:crypto';
import type { Clock } from '../contract.js';

/**
 * Pending device-code sign-ins (RFC 8628; Microsoft identity platform device-code flow,
 * learn.microsoft.com/entra/identity-platform/v2-oauth2-device-code). A code is approved through the control API
 * (the emulator's stand-in for a user typing it at the verification page) or automatically after N polls.
 */

export interface DeviceCodeGrant {
  readonly deviceCode: string;
  readonly userCode: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly expiresAtMs: number;
  polls: number;
  approvedUpn?: string;
}

export type DevicePoll =
  | { readonly status: 'pending' }
  | { readonly status: 'expired' }
  | { readonly status: 'unknown' }
  | { readonly status: 'approved'; readonly grant: DeviceCodeGrant; readonly upn: string };

export interface AutoApprove {
  /** Approve on this poll (1 = the first poll already succeeds). */
  readonly afterPolls: number;
  readonly upn: string;
}

export class UnknownUserCodeError extends Error {
  constructor(readonly userCode: string) {
    super(`no pending device-code sign-in has user_code '${userCode}'`);
    this.name = 'UnknownUserCodeError';
  }
}

/** AAD's user codes are 9 characters from an unambiguous alphabet (e.g. "FGH7P2KQA"). */
const USER_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newUserCode(): string {
  return [...randomBytes(9)].map((b) => USER_CODE_ALPHABET[b % USER_CODE_ALPHABET.length]).join('');
}

export class DeviceCodeStore {
  private readonly grants = new Map<string, DeviceCodeGrant>();
  autoApprove: AutoApprove | undefined;

  constructor(
    private readonly clock: Clock,
    readonly intervalSeconds: number,
    readonly lifetimeSeconds = 900,
  ) {}

  create(tenant: string, clientId: string, scopes: readonly string[]): DeviceCodeGrant {
    const grant: DeviceCodeGrant = {
      deviceCode: randomBytes(32).toString('base64url'),
      userCode: newUserCode(),
      tenant,
      clientId,
      scopes,
      expiresAtMs: this.clock.now() + this.lifetimeSeconds * 1000,
      polls: 0,
    };
    this.grants.set(grant.deviceCode, grant);
    return grant;
  }

  approve(userCode: string, upn: string): DeviceCodeGrant {
    const wanted = userCode.replace(/[\s-]/g, '').toUpperCase();
    for (const grant of this.grants.values()) {
      if (grant.userCode === wanted) {
        grant.approvedUpn = upn;
        return grant;
      }
    }
    throw new UnknownUserCodeError(userCode);
  }

  /** One token-endpoint poll; an approved code is redeemed once, then unknown. */
  poll(deviceCode: string, clientId: string): DevicePoll {
    const grant = this.grants.get(deviceCode);
    if (!grant || grant.clientId !== clientId) return { status: 'unknown' };
    if (this.clock.now() >= grant.expiresAtMs) {
      this.grants.delete(deviceCode);
      return { status: 'expired' };
    }
    grant.polls += 1;
    if (grant.approvedUpn === undefined && this.autoApprove && grant.polls >= this.autoApprove.afterPolls) {
      grant.approvedUpn = this.autoApprove.upn;
    }
    if (grant.approvedUpn === undefined) return { status: 'pending' };
    this.grants.delete(deviceCode);
    return { status: 'approved', grant, upn: grant.approvedUpn };
  }
}
