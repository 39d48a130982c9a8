import type { Tenant } from '../core/model/index.ts';
import type { RawMailStore } from '../core/ports.ts';
import { bindScoring } from '../core/score/bind-scoring.ts';
import type { ScoringDeps } from '../core/score/scoring-deps.ts';
import type { RuntimeHealth, TenantReader } from './api-deps.ts';
import type { ApiHandler } from './api-types.ts';
import type { Authenticator } from './auth/authenticator.ts';
import { type ApiErrorLogger, createApi } from './create-api.ts';

/** What a runtime has at hand; both runtimes (local server, API Lambda) build the API through this one call. */
export interface PlatformApiOptions {
  /** S's scoring deps: `{ ...createDynamoScoringStores(…), directory, records, notifier, policy }`. */
  readonly scoring: ScoringDeps;
  /** The tenant directory store (R's createDynamoTenantDirectory); `putTenant` enables policy changes. */
  readonly tenants: TenantReader & { putTenant?(tenant: Tenant): Promise<void> };
  readonly rawMail: Pick<RawMailStore, 'get'>;
  readonly authenticate: Authenticator;
  readonly health: () => Promise<RuntimeHealth>;
  /** Default false: the outbound MTA calls the enforcement route without a token. */
  readonly enforcementRequiresToken?: boolean;
  readonly replayDeadLetters?: (actor: string) => Promise<{ readonly replayed: number }>;
  readonly now?: () => string;
  readonly logError?: ApiErrorLogger;
}

/** The whole API wired to the platform's stores and scoring. */
export function createPlatformApi(options: PlatformApiOptions): ApiHandler {
  const putTenant = options.tenants.putTenant?.bind(options.tenants);
  const scoring = bindScoring(options.scoring, putTenant ? { putTenant } : {});
  return createApi(
    {
      now: options.now ?? (() => new Date().toISOString()),
      authenticate: options.authenticate,
      enforcementRequiresToken: options.enforcementRequiresToken ?? false,
      health: options.health,
      checkSending: scoring.checkSending,
      analyst: {
        records: options.scoring.records,
        tenants: options.tenants,
        scoring,
        rawMail: options.rawMail,
        ...(options.replayDeadLetters ? { replayDeadLetters: options.replayDeadLetters } : {}),
      },
    },
    options.logError,
  );
}
