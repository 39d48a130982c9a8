/** Builders for the OpenAPI document's operations (openapi.ts), typed so a typo is a compile error. */
import type { JsonSchema } from './openapi-schemas.ts';
import { REPORT_FILTER_PARAMS } from './report-filters.ts';

/** An operation parameter (OpenAPI 3.1 §4.8.12). */
export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required?: boolean;
  readonly description?: string;
  readonly schema: JsonSchema;
}

/** One operation (OpenAPI 3.1 §4.8.10). */
export interface Operation {
  readonly summary: string;
  /** The rules the operation applies, when the summary cannot say them (CommonMark). */
  readonly description?: string;
  readonly operationId: string;
  readonly tags: readonly string[];
  readonly security?: readonly Record<string, readonly string[]>[];
  readonly parameters?: readonly Parameter[];
  readonly requestBody?: {
    readonly required: true;
    readonly content: Record<string, { schema: JsonSchema }>;
  };
  readonly responses: Readonly<
    Record<string, { description: string; content?: Record<string, { schema: JsonSchema }> }>
  >;
}

export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });
export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const ok = (schema: JsonSchema, description = 'OK') => ({ description, content: json(schema) });
/** The error answers every operation can give. */
const ERRORS = {
  '400': { description: 'Bad parameter; the message names it.', content: json(ref('Error')) },
  '401': { description: 'No valid token.', content: json(ref('Error')) },
  '403': { description: 'The token lacks the role.', content: json(ref('Error')) },
  '404': { description: 'Not found.', content: json(ref('Error')) },
} as const;
export const id = (name = 'id'): Parameter => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string' },
});
export const q = (
  name: string,
  description?: string,
  schema: JsonSchema = { type: 'string' },
): Parameter => ({
  name,
  in: 'query',
  ...(description ? { description } : {}),
  schema,
});
export const page = [
  q('limit', '1–500, default 50', { type: 'integer' }),
  q('cursor', 'From the previous page.'),
];
/** Report filters whose meaning is not obvious from the name. */
const FILTER_DESCRIPTIONS: Partial<Record<(typeof REPORT_FILTER_PARAMS)[number], string>> = {
  messageId:
    'Message-ID of the reported message, with or without angle brackets; compared lower-case without whitespace. ' +
    'Served by the byMessageId index.',
};
export const reportFilters = REPORT_FILTER_PARAMS.map((name) => q(name, FILTER_DESCRIPTIONS[name]));
export const anyObject: JsonSchema = { type: 'object' };

/** An operation with the common error responses added. */
export function op(
  operationId: string,
  summary: string,
  tag: string,
  responses: Operation['responses'],
  extra: Partial<Operation> = {},
): Operation {
  return { operationId, summary, tags: [tag], responses: { ...responses, ...ERRORS }, ...extra };
}
