import type {
  HeaderField,
  Reporter,
  ReporterAuthentication,
  SubmissionKind,
  UnusableReason,
} from '../model/index.ts';
import type { RecoveredMessage } from './reported-message.ts';

/** What classification decided: a report kind with its recovered originals, or unusable with a reason. */
export type Shape =
  | { readonly kind: Exclude<SubmissionKind, 'unusable'>; readonly messages: readonly RecoveredMessage[] }
  | { readonly kind: 'unusable'; readonly reason: UnusableReason };

/** Facts about the submission known once its top header block is read. */
export interface SubmissionFacts {
  reporter: { -readonly [K in keyof Reporter]: Reporter[K] };
  authentication: ReporterAuthentication;
  headers: readonly HeaderField[];
  subject?: string;
  messageId?: string;
  date?: string;
}

/** The unusable shape with a stable reason code. */
export function unusable(code: string, message: string): Shape {
  return { kind: 'unusable', reason: { code, message } };
}

/** An empty authentication record, for submissions without readable headers. */
export const NO_AUTHENTICATION: ReporterAuthentication = { authenticationResults: [], dkimDomains: [] };
