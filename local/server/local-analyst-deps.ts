import { bindScoring } from '../../shared/core/score/index.ts';
import type { AnalystDeps } from '../../shared/http/api-deps.ts';
import type { LocalServices } from '../runtime/local-services.ts';

/** The analyst API's dependencies on the local stores (issue 8), with dead-letter replay from the disk queue. */
export function createLocalAnalystDeps(
  services: LocalServices,
  replayDeadLetters: (actor: string) => Promise<{ readonly replayed: number }>,
): AnalystDeps {
  return {
    records: services.records,
    tenants: services.directory,
    scoring: bindScoring(services.scoring, { putTenant: (tenant) => services.directory.putTenant(tenant) }),
    rawMail: services.rawMail,
    replayDeadLetters,
  };
}
