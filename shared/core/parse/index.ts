/**
 * The report parser (DESIGN §2): `parseSubmission` turns one raw mail into a Submission; the helpers below
 * are shared with attribution and the CLI.
 */
export { parseAddress } from './address.ts';
export { parseAuthenticationResults, reporterAuthentication } from './authentication-results.ts';
export { parseDkimSignature, parseTagList } from './dkim-signature.ts';
export { decodeEncodedWords } from './encoded-words.ts';
export { fingerprintMessage, normalizeMessageId } from './fingerprint.ts';
export { headerValue, headerValues, parseHeaderBlock, unfold } from './header-block.ts';
export { normalizeIp } from './ip-address.ts';
export { DEFAULT_PARSE_LIMITS, type ParseLimits } from './limits.ts';
export { parseMailDate } from './mail-date.ts';
export { parseSubmission } from './parse-submission.ts';
export { DEVIATION_CODES, UNUSABLE_REASON_CODES } from './reason-codes.ts';
export { parseReceived } from './received.ts';
