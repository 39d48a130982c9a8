/**
 * Structured JSON log lines for the Lambdas: one object per line with a stable `event` code, ids and outcomes.
 * Never mail content: callers pass ids, counts, codes and error names only.
 */

/** Values a log line may carry. */
export type LogFields = Readonly<Record<string, string | number | boolean | undefined | readonly string[]>>;

/** Writes log lines. */
export interface JsonLog {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

/** A log writing to `write` (stdout by default, which Lambda forwards to CloudWatch Logs line by line). */
export function createJsonLog(
  base: LogFields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): JsonLog {
  const emit = (level: string, event: string, fields: LogFields = {}) =>
    write(JSON.stringify({ level, event, ...base, ...fields, time: new Date().toISOString() }));
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** The loggable part of an error: its name and message, and the cause's, never a stack full of data. */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { error: String(error) };
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    error: error.name,
    errorMessage: error.message,
    ...(cause ? { cause: cause.name, causeMessage: cause.message } : {}),
  };
}
