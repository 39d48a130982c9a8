import { Buffer } from 'node:buffer';
import { parse as parseYaml } from 'yaml';
import type { FeedbackType } from '../model/index.ts';
import { impliedFeedback } from './feedback-report.ts';
import { normalizeIp } from './ip-address.ts';
import { toCrlf } from './line-ends.ts';
import { parseMailDate } from './mail-date.ts';
import type { ParseContext } from './parse-context.ts';
import { type RecoveredMessage, recoverFromBytes } from './reported-message.ts';

/** X-ARF v4 categories (xarf-spec schemas/v4). */
const V4_CATEGORIES = new Set([
  'messaging',
  'connection',
  'content',
  'infrastructure',
  'copyright',
  'vulnerability',
  'reputation',
]);

/** What an X-ARF document yields: reported messages and who reported, or why it is invalid. */
export type XarfResult =
  | {
      readonly valid: true;
      readonly messages: RecoveredMessage[];
      readonly reporterDomain?: string;
      readonly reporterContact?: string;
    }
  | { readonly valid: false; readonly message: string };

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : undefined;

/** Whether parsed JSON looks like an X-ARF document of any version (so a failure is `xarf-invalid`). */
export function looksLikeXarf(document: unknown): boolean {
  if (!isObject(document)) return false;
  return (
    'xarf_version' in document ||
    'ReporterInfo' in document ||
    ('category' in document && 'reporter' in document) ||
    'Report' in document ||
    // Legacy X-ARF documents carry a Version and little else when broken.
    (typeof document['Version'] === 'string' && Object.keys(document).length <= 3)
  );
}

/** Maps an X-ARF category/type to the closest RFC 5965 feedback type. */
function feedbackTypeFor(category: string, type: string): FeedbackType {
  const both = `${category} ${type}`;
  if (/phish|fraud|scam/.test(both)) return 'fraud';
  if (/malware|virus|bot/.test(both)) return 'virus';
  if (/spam|messaging|bulk|harass|abuse/.test(both)) return 'abuse';
  return 'other';
}

interface Evidence {
  readonly contentType: string;
  readonly payload: string;
  readonly base64: boolean;
}

function buildResult(
  version: string,
  category: string,
  type: string,
  facts: { ip?: string; date?: string; mailFrom?: string; rcptTo?: string },
  evidence: readonly Evidence[],
  depth: number,
  ctx: ParseContext,
): RecoveredMessage[] {
  const base = impliedFeedback(feedbackTypeFor(category, type), ['feedback-type']);
  const feedback = {
    ...base,
    feedbackTypeRaw: `${category}/${type}`,
    ...(facts.ip ? { sourceIp: facts.ip } : {}),
    ...(facts.date ? { arrivalDate: facts.date } : {}),
    ...(facts.mailFrom ? { originalMailFrom: facts.mailFrom } : {}),
    originalRcptTo: facts.rcptTo ? [facts.rcptTo] : [],
  };
  const xarf = { version, category, type };
  const messages: RecoveredMessage[] = [];
  for (const item of evidence) {
    if (!/^message\/(rfc822|global)|rfc822-headers/.test(item.contentType.toLowerCase())) continue;
    const bytes = toCrlf(
      item.base64 ? Buffer.from(item.payload, 'base64') : Buffer.from(item.payload, 'utf8'),
    );
    messages.push(
      recoverFromBytes(bytes, depth + 1, ctx, { source: 'xarf', confidence: 'high', feedback, xarf }),
    );
  }
  if (messages.length === 0)
    messages.push({ source: 'xarf', confidence: 'high', feedback, xarf, headerText: '', headers: [] });
  return messages;
}

/** Reads an X-ARF v4 JSON document (xarf-spec v4), or a legacy v1–v3/alpha document converted to v4 terms. */
export function parseXarfJson(document: unknown, depth: number, ctx: ParseContext): XarfResult {
  if (!isObject(document)) return { valid: false, message: 'X-ARF JSON is not an object' };
  if ('xarf_version' in document || 'category' in document) {
    const version = text(document['xarf_version']);
    const category = text(document['category'])?.toLowerCase();
    const type = text(document['type'])?.toLowerCase();
    if (!version) return { valid: false, message: 'X-ARF v4 document without xarf_version' };
    if (!category || !V4_CATEGORIES.has(category))
      return { valid: false, message: `X-ARF category "${category ?? ''}" is not a v4 category` };
    if (!type) return { valid: false, message: 'X-ARF document without type' };
    const evidence = (Array.isArray(document['evidence']) ? document['evidence'] : [])
      .filter(isObject)
      .map((item) => ({
        contentType: text(item['content_type']) ?? '',
        payload: text(item['payload']) ?? '',
        base64: text(item['encoding'])?.toLowerCase() !== 'plain',
      }));
    const reporter = isObject(document['reporter']) ? document['reporter'] : {};
    const ipText = text(document['source_identifier']);
    const messages = buildResult(
      version,
      category,
      type,
      {
        ip: ipText ? normalizeIp(ipText) : undefined,
        date: parseMailDate(text(document['timestamp'])),
        mailFrom: text(document['smtp_from']),
        rcptTo: text(document['smtp_to']),
      },
      evidence,
      depth,
      ctx,
    );
    if (text(document['legacy_version']))
      ctx.deviate('xarf.converted', 'X-ARF v4 converted from an older version');
    return {
      valid: true,
      messages,
      reporterDomain: text(reporter['domain']),
      reporterContact: text(reporter['contact']),
    };
  }
  return parseLegacyXarf(document, depth, ctx);
}

/** Legacy X-ARF JSON (abusix v1–v3 and the alpha schema; xarf-spec v3): converted to v4 terms. */
function parseLegacyXarf(document: Json, depth: number, ctx: ParseContext): XarfResult {
  const report = document['Report'];
  if (!isObject(report)) return { valid: false, message: 'X-ARF document without a Report object' };
  const category = text(report['ReportClass'])?.toLowerCase();
  const type = text(report['ReportType'])?.toLowerCase();
  if (!category || !type) return { valid: false, message: 'X-ARF Report without ReportClass/ReportType' };
  const dateText = text(report['Date']);
  const date = parseMailDate(dateText);
  if (dateText && !date) return { valid: false, message: `X-ARF Report Date "${dateText}" is not a date` };
  const source = isObject(report['Source']) ? report['Source'] : {};
  const ipText = text(report['SourceIp']) ?? text(source['IP']);
  const ip = ipText ? normalizeIp(ipText) : undefined;
  if (ipText && !ip) return { valid: false, message: `X-ARF SourceIp "${ipText}" is not an IP address` };
  const rawSamples =
    [report['Samples'], report['Attachment'], report['Attachments']].find(Array.isArray) ?? [];
  const evidence: Evidence[] = [];
  for (const sample of rawSamples.filter(isObject)) {
    const flag = sample['Base64Encoded'];
    if (flag !== undefined && typeof flag !== 'boolean') {
      return { valid: false, message: 'X-ARF sample Base64Encoded is not a boolean' };
    }
    evidence.push({
      contentType: text(sample['ContentType']) ?? '',
      payload: text(sample['Payload']) ?? text(sample['Data']) ?? '',
      base64: flag !== false,
    });
  }
  const version = text(document['Version']) ?? 'alpha';
  ctx.deviate('xarf.legacy-version', `X-ARF version ${version} read as v4`);
  const additional = isObject(report['AdditionalInfo']) ? report['AdditionalInfo'] : {};
  const messages = buildResult(
    version,
    category,
    type,
    {
      ip,
      date,
      mailFrom: text(report['SmtpMailFromAddress']) ?? text(additional['SMTPFrom']),
      rcptTo: text(report['SmtpRcptToAddress']),
    },
    evidence,
    depth,
    ctx,
  );
  const info = isObject(document['ReporterInfo']) ? document['ReporterInfo'] : {};
  return {
    valid: true,
    messages,
    reporterDomain: text(info['ReporterOrgDomain']),
    reporterContact: text(info['ReporterOrgEmail']),
  };
}

/**
 * Reads the YAML report of an X-ARF mail (v0.1/v0.2: `X-ARF: yes`, second part). `evidence` is the third
 * part's message when it is one.
 */
export function parseXarfYaml(
  yamlText: string,
  evidence: RecoveredMessage[],
  depth: number,
  ctx: ParseContext,
): XarfResult {
  let document: unknown;
  try {
    document = parseYaml(yamlText, { maxAliasCount: 10 });
  } catch (error) {
    return { valid: false, message: `X-ARF YAML does not parse: ${(error as Error).message.split('\n')[0]}` };
  }
  if (!isObject(document)) return { valid: false, message: 'X-ARF report part is not a YAML mapping' };
  const field = (name: string): string | undefined => {
    for (const [key, value] of Object.entries(document as Json))
      if (key.toLowerCase() === name) return text(value);
    return undefined;
  };
  const category = field('category')?.toLowerCase();
  const type = (field('report-type') ?? field('type'))?.toLowerCase();
  if (!category || !type) return { valid: false, message: 'X-ARF report without Category/Report-Type' };
  const version = field('version') ?? '0.1';
  const sourceText = field('source');
  const facts = {
    ip: sourceText ? normalizeIp(sourceText) : undefined,
    date: parseMailDate(field('date')),
  };
  const built = buildResult(version, category, type, facts, [], depth, ctx);
  const template = built[0]!;
  const messages =
    evidence.length > 0
      ? evidence.map((message) => ({ ...message, feedback: template.feedback, xarf: template.xarf }))
      : built;
  const reportedFrom = field('reported-from');
  return { valid: true, messages, reporterContact: reportedFrom };
}
