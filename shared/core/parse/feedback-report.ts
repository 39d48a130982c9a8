import { FEEDBACK_TYPES, type FeedbackFields, type FeedbackType } from '../model/index.ts';
import { readHeaderBlock } from './header-block.ts';
import { normalizeIp } from './ip-address.ts';
import { parseMailDate } from './mail-date.ts';
import type { ParseContext } from './parse-context.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Values real feeds write for RFC 5965 §7.3 types. */
const FEEDBACK_TYPE_ALIASES: Readonly<Record<string, FeedbackType>> = {
  spam: 'abuse',
  complaint: 'abuse',
  'auth-failure-report': 'auth-failure',
  dmarc: 'auth-failure',
  unsubscribe: 'opt-out',
  optout: 'opt-out',
};

/** Field names as RFC 5965 §3.1–3.3 and RFC 6591 §3.1 spell them, keyed by their lower-case form. */
const STANDARD_NAMES: Readonly<Record<string, string>> = {
  'feedback-type': 'Feedback-Type',
  'user-agent': 'User-Agent',
  version: 'Version',
  'arrival-date': 'Arrival-Date',
  'source-ip': 'Source-IP',
  'original-mail-from': 'Original-Mail-From',
  'original-rcpt-to': 'Original-Rcpt-To',
  'original-envelope-id': 'Original-Envelope-Id',
  'reported-domain': 'Reported-Domain',
  'reported-uri': 'Reported-URI',
  incidents: 'Incidents',
  'authentication-results': 'Authentication-Results',
  'removal-recipient': 'Removal-Recipient',
  'reporting-mta': 'Reporting-MTA',
  'auth-failure': 'Auth-Failure',
  'delivery-result': 'Delivery-Result',
  'dkim-domain': 'DKIM-Domain',
  'dkim-identity': 'DKIM-Identity',
  'dkim-selector': 'DKIM-Selector',
  'dkim-canonicalized-header': 'DKIM-Canonicalized-Header',
  'dkim-canonicalized-body': 'DKIM-Canonicalized-Body',
  'spf-dns': 'SPF-DNS',
  'identity-alignment': 'Identity-Alignment',
};

/** Normalises a Feedback-Type value (RFC 5965 §3.1) and says whether it needed an alias. */
export function normalizeFeedbackType(raw: string): { type: FeedbackType; known: boolean } {
  const lower = raw.trim().toLowerCase();
  if ((FEEDBACK_TYPES as readonly string[]).includes(lower))
    return { type: lower as FeedbackType, known: true };
  const alias = FEEDBACK_TYPE_ALIASES[lower];
  return alias ? { type: alias, known: false } : { type: 'other', known: false };
}

/** Feedback fields for a report that had no feedback part (forwards, X-ARF): all implied values derived. */
export function impliedFeedback(type: FeedbackType, derived: readonly string[]): FeedbackFields {
  return {
    feedbackType: type,
    feedbackTypeRaw: '',
    originalRcptTo: [],
    reportedDomain: [],
    reportedUri: [],
    authenticationResults: [],
    removalRecipient: [],
    derived: [...derived],
    extra: {},
  };
}

function stripAngles(value: string): string {
  return value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim();
}

/**
 * Parses the body of a `message/feedback-report` part (RFC 5965 §3; RFC 6591 §3.1 for auth-failure), taking
 * what is there and recording each departure: missing Version/User-Agent/Feedback-Type, lower-case names,
 * the pre-RFC `Received-Date`, `Source-Ip` spellings and malformed values.
 */
export function parseFeedbackReport(text: string, ctx: ParseContext): FeedbackFields {
  const fields = readHeaderBlock(text.replace(/^\s+/, ''), ctx.limits).fields;
  const feedback: Mutable<FeedbackFields> = { ...impliedFeedback('other', []) };
  const extra: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const field of fields) {
    const lower = field.name.toLowerCase();
    const value = field.value;
    const standard = STANDARD_NAMES[lower];
    if (standard && field.name !== standard) {
      ctx.deviate('arf.field-name-case', `feedback field "${field.name}" is not spelled "${standard}"`);
    }
    seen.add(lower);
    switch (lower) {
      case 'feedback-type': {
        const { type, known } = normalizeFeedbackType(value);
        if (!known) ctx.deviate('arf.feedback-type-unknown', `Feedback-Type "${value}" is not registered`);
        feedback.feedbackType = type;
        feedback.feedbackTypeRaw = value.trim();
        break;
      }
      case 'user-agent':
        feedback.userAgent = value;
        break;
      case 'version':
        feedback.version = value;
        if (value.trim() !== '1')
          ctx.deviate('arf.version-not-1', `Version "${value}" (RFC 5965 §3.1 says 1)`);
        break;
      case 'arrival-date':
      case 'received-date': {
        if (lower === 'received-date') {
          ctx.deviate('arf.received-date', 'pre-RFC Received-Date used instead of Arrival-Date');
        }
        const date = parseMailDate(value);
        if (date) feedback.arrivalDate ??= date;
        else ctx.deviate('arf.arrival-date-invalid', `Arrival-Date "${value}" does not parse`);
        break;
      }
      case 'source-ip': {
        const ip = normalizeIp(value);
        if (ip) feedback.sourceIp ??= ip;
        else ctx.deviate('arf.source-ip-invalid', `Source-IP "${value}" is not an IP address`);
        break;
      }
      case 'original-mail-from':
        feedback.originalMailFrom = stripAngles(value);
        break;
      case 'original-rcpt-to':
        feedback.originalRcptTo = [...feedback.originalRcptTo, stripAngles(value)];
        break;
      case 'reported-domain':
        feedback.reportedDomain = [...feedback.reportedDomain, value.trim().toLowerCase()];
        break;
      case 'reported-uri':
        feedback.reportedUri = [...feedback.reportedUri, stripAngles(value)];
        break;
      case 'incidents': {
        const count = Number.parseInt(value, 10);
        if (Number.isFinite(count) && count >= 0) feedback.incidents = count;
        break;
      }
      case 'authentication-results':
        feedback.authenticationResults = [...feedback.authenticationResults, value];
        break;
      case 'removal-recipient':
        feedback.removalRecipient = [...feedback.removalRecipient, stripAngles(value)];
        break;
      case 'auth-failure':
        feedback.authFailure = value.trim().toLowerCase();
        break;
      case 'delivery-result':
        feedback.deliveryResult = value.trim().toLowerCase();
        break;
      case 'dkim-domain':
        feedback.dkimDomain = value.trim().toLowerCase();
        break;
      case 'dkim-identity':
        feedback.dkimIdentity = value.trim();
        break;
      case 'dkim-selector':
        feedback.dkimSelector = value.trim();
        break;
      case 'spf-dns':
        feedback.spfDns = value.trim();
        break;
      default: {
        const list = extra[lower] ?? [];
        list.push(value);
        extra[lower] = list;
      }
    }
  }
  if (!seen.has('feedback-type')) {
    ctx.deviate('arf.feedback-type-missing', 'the feedback report has no Feedback-Type (RFC 5965 §3.1)');
  }
  if (!seen.has('version')) ctx.deviate('arf.version-missing', 'the feedback report has no Version field');
  if (!seen.has('user-agent')) ctx.deviate('arf.user-agent-missing', 'the feedback report has no User-Agent');
  feedback.extra = extra;
  return feedback;
}
