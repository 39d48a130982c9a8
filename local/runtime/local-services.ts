import { join } from 'node:path';
import { createDynamoRecordStore } from '../../shared/adapters/dynamodb/record-store.ts';
import { createDynamoScoringStores } from '../../shared/adapters/dynamodb/score-stores.ts';
import {
  createDynamoTenantDirectory,
  type TenantDirectoryStore,
} from '../../shared/adapters/dynamodb/tenant-directory-store.ts';
import {
  createFileRawMailStore,
  type FileRawMailStore,
} from '../../shared/adapters/file/file-raw-mail-store.ts';
import { createOutboxNotifier } from '../../shared/adapters/outbox/outbox-notifier.ts';
import type { PlatformConfig } from '../../shared/core/platform/platform-config.ts';
import type { RecordStore } from '../../shared/core/ports.ts';
import type { ScoringDeps } from '../../shared/core/score/scoring-deps.ts';
import { isDemoDataDir, withDemoPlatform } from '../demo/demo-platform.ts';
import type { PipelineDeps } from '../pipeline/run-pipeline.ts';
import { createCachedTenantDirectory } from './cached-tenant-directory.ts';
import type { LocalStores } from './open-local-stores.ts';

/** Everything built on one data directory: stores, the pipeline's dependencies, and where files live. */
export interface LocalServices {
  readonly stores: LocalStores;
  readonly directory: TenantDirectoryStore;
  readonly records: RecordStore;
  readonly rawMail: FileRawMailStore;
  readonly scoring: ScoringDeps;
  readonly pipeline: PipelineDeps;
  /** Directory of the disk queue. */
  readonly queueDir: string;
  /** Where tenant notices are written instead of being mailed. */
  readonly outboxDir: string;
}

/** Subfolders of the data directory. */
export const DATA_DIR_LAYOUT = {
  raw: 'raw',
  queue: 'queue',
  outbox: 'outbox',
  dynamodb: 'dynamodb',
} as const;

/**
 * Builds the local runtime's services on opened stores: the same adapters and core as AWS, with raw mail in
 * `<dataDir>/raw` and notices in `<dataDir>/outbox`. `platform` replaces the configured platform; a data
 * directory the demo filled adds the demo's keys and relays, so every command on it attributes the same way.
 */
export function createLocalServices(
  stores: LocalStores,
  options: { readonly platform?: PlatformConfig; readonly now?: () => string } = {},
): LocalServices {
  const { client, tables, config } = stores;
  const now = options.now ?? (() => new Date().toISOString());
  const directory = createDynamoTenantDirectory({ client, tableName: tables.tenants });
  const records = createDynamoRecordStore({ client, tableName: tables.reports });
  const rawMail = createFileRawMailStore({ dir: join(config.dataDir, DATA_DIR_LAYOUT.raw) });
  const outboxDir = join(config.dataDir, DATA_DIR_LAYOUT.outbox);
  const scoring: ScoringDeps = {
    ...createDynamoScoringStores({ client, tableName: tables.scores }),
    directory,
    records,
    notifier: createOutboxNotifier({ dir: outboxDir }),
    policy: config.policy,
  };
  // One cache for the pipeline: attribution and scoring ask for the same few tenants in every batch.
  const cachedDirectory = createCachedTenantDirectory(directory);
  return {
    stores,
    directory,
    records,
    rawMail,
    scoring,
    queueDir: join(config.dataDir, DATA_DIR_LAYOUT.queue),
    outboxDir,
    pipeline: {
      rawMail,
      intake: {
        directory: cachedDirectory,
        records,
        platform:
          options.platform ??
          (isDemoDataDir(config.dataDir) ? withDemoPlatform(config.platform) : config.platform),
        retentionDays: config.retentionDays,
      },
      // Each batch reads every tenant's policy once; a policy change reaches scoring within the cache's lifetime.
      scoring: { ...scoring, directory: cachedDirectory },
      now,
    },
  };
}
