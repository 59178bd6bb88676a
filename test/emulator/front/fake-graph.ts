import type { EmulatorRequest, EmulatorResponse, GraphService } from '../../../src/emulator/contract.js';

/**
 * A stand-in GraphService for front tests: echoes what the front handed it, so tests see exactly the
 * EmulatorRequest the domain would get. `respond` overrides the answer per request.
 */
export class FakeGraph implements GraphService {
  readonly requests: EmulatorRequest[] = [];
  deltaExpirations = 0;

  constructor(private readonly respond?: (req: EmulatorRequest) => EmulatorResponse | undefined) {}

  handle(req: EmulatorRequest): EmulatorResponse {
    this.requests.push(req);
    const custom = this.respond?.(req);
    if (custom) return custom;
    return {
      status: 200,
      body: { method: req.method, version: req.version, path: req.path, rawQuery: req.rawQuery, principal: req.principal, body: req.body },
    };
  }

  expireDeltaTokens(): void {
    this.deltaExpirations += 1;
  }
}
