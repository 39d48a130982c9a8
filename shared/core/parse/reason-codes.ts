/**
 * The stable codes the parser emits, for dashboards and alerts. Add new codes here; never rename one (stored
 * submissions keep them).
 */

/** `Submission.unusableReason.code` values. */
export const UNUSABLE_REASON_CODES = [
  'empty', // no content, or headers without a body
  'not-mail', // no header fields at all, or JSON that is not X-ARF
  'dsn', // delivery status notification or bounce (RFC 3464)
  'auto-reply', // RFC 3834 automatic response
  'dmarc-aggregate', // RFC 7489 §7.2 aggregate report
  'read-receipt', // RFC 8098 disposition notification
  'ses-notification', // Amazon SES bounce/complaint notification JSON
  'xarf-invalid', // X-ARF that does not parse or validate
  'msg-unreadable', // an Outlook .msg attachment without readable transport headers
  'no-reported-message', // a mail, but no attached, quoted or reported message in it
  'limit.size',
  'limit.mime-depth',
  'limit.parts',
  'limit.header-fields',
  'limit.header-line-length',
  'limit.reported-messages',
  'internal', // a parser bug: the mail is kept and can be reprocessed after a fix
] as const;

/** `Submission.deviations[].code` values. */
export const DEVIATION_CODES = [
  'mail.bom',
  'mail.mbox-from-line',
  'mail.bare-line-ends',
  'header.leading-continuation',
  'header.leading-whitespace',
  'mime.leading-blank-line',
  'mime.whitespace-separator',
  'mime.content-type-invalid',
  'mime.boundary-missing',
  'mime.boundary-not-found',
  'mime.close-boundary-missing',
  'mime.charset-unknown',
  'mime.transfer-encoding-unknown',
  'mime.encoded-message',
  'arf.feedback-part-content-type',
  'arf.feedback-part-missing',
  'arf.feedback-type-missing',
  'arf.feedback-type-unknown',
  'arf.field-name-case',
  'arf.version-missing',
  'arf.version-not-1',
  'arf.user-agent-missing',
  'arf.received-date',
  'arf.arrival-date-invalid',
  'arf.source-ip-invalid',
  'arf.headers-content-type',
  'arf.original-in-text',
  'arf.original-missing',
  'arf.report-type',
  'arf.not-multipart-report',
  'arf.jmrp-whole-message',
  'forward.eml-content-type',
  'forward.message-content-type',
  'forward.attachment-not-a-message',
  'forward.nested',
  'forward.inline',
  'forward.outlook-msg',
  'xarf.bare-json',
  'xarf.converted',
  'xarf.legacy-version',
] as const;
