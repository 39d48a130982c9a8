/** The configuration is invalid; the message names the field and how to fix it. */
export class LocalConfigError extends Error {
  override name = 'LocalConfigError';
}
