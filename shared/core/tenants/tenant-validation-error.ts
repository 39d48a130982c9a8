/** A tenant record or directory that cannot be accepted; the message names the field and what to change. */
export class TenantValidationError extends Error {
  override name = 'TenantValidationError';
  /** Dotted path of the offending field, e.g. `acceptedDomains[1].domain`. */
  readonly field: string;

  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`${field}: ${problem}`, options);
    this.field = field;
  }
}
