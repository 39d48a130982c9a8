import type { RecordStore, TenantDirectory } from '../ports.ts';
import type { ScoringPolicy } from './policy.ts';
import type { Notifier, ScoringStores } from './ports.ts';

/**
 * Everything scoring, enforcement and explanations need. Runtimes build it as
 * `{ ...createDynamoScoringStores({ client, tableName }), directory, records, notifier, policy }`.
 */
export interface ScoringDeps extends ScoringStores {
  readonly directory: TenantDirectory;
  readonly records: RecordStore;
  readonly notifier: Notifier;
  /** The platform policy; each tenant's overrides are applied on top (resolvePolicy). */
  readonly policy: ScoringPolicy;
}
