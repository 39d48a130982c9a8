import { parse as parseYaml } from 'yaml';
import { TenantValidationError } from './tenant-validation-error.ts';

/**
 * Reads an import file: JSON or YAML (JSON is YAML 1.2, so one parser serves both), either a list of tenants
 * or `{ tenants: [...] }`. Returns the raw entries for validateTenant; throws TenantValidationError otherwise.
 */
export function parseTenantDocument(text: string): unknown[] {
  let document: unknown;
  try {
    document = parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TenantValidationError('document', `not valid JSON or YAML (${detail})`, { cause: error });
  }
  if (Array.isArray(document)) return document;
  if (
    typeof document === 'object' &&
    document !== null &&
    Array.isArray((document as { tenants?: unknown }).tenants)
  ) {
    return (document as { tenants: unknown[] }).tenants;
  }
  throw new TenantValidationError(
    'document',
    'expected a list of tenants or an object with a "tenants" list',
  );
}
