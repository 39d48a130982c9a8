/**
 * Opaque paging cursors: base64url JSON naming, for each index partition a page was read from, the key of the
 * last item returned (DynamoDB's ExclusiveStartKey). Clients treat them as opaque strings.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A position per index partition (`<index>|<partition value>`), as string-valued key attributes. */
export type CursorPositions = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The cursor is not one this store issued (corrupt, or from another query): bad input, answer 400. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** Encodes positions as an opaque base64url string. */
export function encodeCursor(positions: CursorPositions): string {
  return Buffer.from(JSON.stringify(positions), 'utf8').toString('base64url');
}

/** Decodes a cursor; throws InvalidCursorError when it was not produced by encodeCursor. */
export function decodeCursor(cursor: string): CursorPositions {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch (error) {
    throw new InvalidCursorError('cursor is not valid', { cause: error });
  }
  if (!isPositions(parsed)) throw new InvalidCursorError('cursor is not valid');
  return parsed;
}

function isPositions(value: unknown): value is CursorPositions {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (key) =>
      typeof key === 'object' &&
      key !== null &&
      Object.values(key as object).every((attribute) => typeof attribute === 'string'),
  );
}

/** A position as a DynamoDB key. */
export function toStartKey(position: Readonly<Record<string, string>>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(position).map(([name, value]) => [name, { S: value }]));
}
