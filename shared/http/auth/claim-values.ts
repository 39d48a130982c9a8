/**
 * The values of one verified claim as a list. Identity providers and API Gateway hand the same list over in
 * several shapes: a JSON array (Okta `groups`, Cognito `cognito:groups` in the token itself), a space-separated
 * string (OAuth `scope`, RFC 8693 §4.2 and RFC 9068 §2.2.3), or, for array claims passed through an HTTP API JWT
 * authorizer, the bracketed text `[a b]` (API Gateway stringifies array claims in payload format 2.0). A
 * comma-separated string is accepted too. Anything else (numbers, booleans, objects) carries no values.
 */
export function claimValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (typeof value !== 'string') return [];
  const trimmed = value.trim();
  const inner = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return inner.split(/[\s,]+/).filter((v) => v !== '');
}
