/** JSON Schema (2020-12, as OpenAPI 3.1 uses it) for the API's bodies; a subset typed for this document. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly (string | number)[];
  readonly format?: string;
  readonly $ref?: string;
  readonly additionalProperties?: boolean | JsonSchema;
  readonly minItems?: number;
  readonly pattern?: string;
}

const string: JsonSchema = { type: 'string' };
const nullableString: JsonSchema = { type: ['string', 'null'] };
const time: JsonSchema = { type: 'string', format: 'date-time' };
const number: JsonSchema = { type: 'number' };
const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const listOf = (item: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items: item }, cursor: nullableString },
  required: ['items'],
});

/** The named schemas of the document (components.schemas). */
export const OPENAPI_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: { code: string, message: string },
        required: ['code', 'message'],
      },
    },
    required: ['error'],
  },
  SendingDecision: {
    type: 'object',
    description: 'Allowed, or the exact SMTP reply the outbound MTA must give (5.7.705 or 5.7.750).',
    properties: {
      tenantId: string,
      fromDomain: nullableString,
      allowed: { type: 'boolean' },
      state: { type: 'string', enum: ['active', 'warned', 'restricted', 'probation'] },
      kind: { type: 'string', enum: ['tenant-threshold', 'unregistered-domains'] },
      smtpReply: string,
    },
    required: ['allowed', 'state'],
  },
  Health: {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ok', 'degraded'] },
      queueDepth: number,
      deadLetters: number,
      lastError: string,
    },
    required: ['status'],
  },
  TenantStanding: {
    type: 'object',
    properties: {
      tenantId: string,
      score: number,
      state: string,
      warnThreshold: number,
      restrictThreshold: number,
      restrictions: {
        type: 'array',
        items: { type: 'object', properties: { kind: string, since: time, smtpReply: string } },
      },
    },
    required: ['tenantId', 'score', 'state'],
  },
  ReportSummary: {
    type: 'object',
    description: 'Every string field comes from a reported message and is attacker-controlled.',
    properties: {
      reportId: string,
      submissionId: string,
      receivedAt: time,
      tenantId: nullableString,
      attribution: { type: 'string', enum: ['attributed', 'unattributed'] },
      confidence: nullableString,
      feedbackType: string,
      reporter: nullableString,
      messageId: nullableString,
      subject: nullableString,
      from: nullableString,
      senderAddress: nullableString,
      senderDomain: nullableString,
      sourceIp: nullableString,
      fingerprint: string,
    },
    required: ['reportId', 'receivedAt', 'attribution'],
  },
  ReportList: listOf(ref('ReportSummary')),
  Submission: {
    type: 'object',
    properties: {
      submissionId: string,
      receivedAt: time,
      kind: string,
      status: { type: 'string', enum: ['processed', 'unusable'] },
      reason: { type: ['object', 'null'], properties: { code: string, message: string } },
    },
    required: ['submissionId', 'status'],
  },
  SubmissionList: listOf(ref('Submission')),
  AuditEntry: {
    type: 'object',
    properties: { tenantId: string, at: time, actor: string, action: string, reason: string },
    required: ['tenantId', 'at', 'actor', 'action'],
  },
  AuditPage: listOf(ref('AuditEntry')),
  LiftRequest: {
    type: 'object',
    properties: {
      reason: string,
      checklist: {
        type: 'array',
        description: 'All five items must be confirmed.',
        items: {
          type: 'string',
          enum: [
            'accepted-domains-registered',
            'connectors-reviewed',
            'compromised-accounts-secured',
            'admin-mfa-enabled',
            'on-premises-servers-locked-down',
          ],
        },
        minItems: 5,
      },
    },
    required: ['reason', 'checklist'],
  },
  PolicyChange: {
    type: 'object',
    properties: {
      reason: string,
      overrides: {
        type: 'object',
        additionalProperties: false,
        properties: {
          warnThreshold: number,
          restrictThreshold: number,
          unregisteredDomainThreshold: number,
          halfLifeHours: number,
          dailySendingVolume: number,
        },
      },
    },
    required: ['reason', 'overrides'],
  },
  IntakeStats: {
    type: 'object',
    properties: {
      window: { type: 'string', enum: ['fit', '24h', '7d', '30d'] },
      buckets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            start: time,
            submissions: number,
            unusable: number,
            reports: number,
            unattributed: number,
          },
        },
      },
      unusableRate: number,
      unattributedRate: number,
    },
  },
};
