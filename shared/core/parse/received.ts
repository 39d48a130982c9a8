import type { ReceivedHop } from '../model/index.ts';
import { normalizeIp } from './ip-address.ts';
import { parseMailDate } from './mail-date.ts';

const CLAUSES = ['from', 'by', 'via', 'with', 'id', 'for'] as const;
type Clause = (typeof CLAUSES)[number];

/** Splits a Received value into top-level words and parenthesised comments, keeping their order. */
function tokens(text: string): { word: string; comment: boolean }[] {
  const out: { word: string; comment: boolean }[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      out.push({ word: text.slice(i + 1, j), comment: true });
      i = j + 1;
    } else if (/\s/.test(char)) {
      i++;
    } else {
      let j = i;
      while (j < text.length && !/[\s(]/.test(text[j]!)) j++;
      out.push({ word: text.slice(i, j), comment: false });
      i = j;
    }
  }
  return out;
}

/** Finds the first IP literal in text: bracketed (`[192.0.2.1]`, `[IPv6:…]`) first, else a bare address. */
function findIp(text: string): string | undefined {
  for (const match of text.matchAll(/\[([^\]\s]+)\]/g)) {
    const ip = normalizeIp(match[1]!);
    if (ip) return ip;
  }
  for (const word of text.split(/[\s()=,;]+/)) {
    if (!/[.:]/.test(word)) continue;
    const ip = normalizeIp(word.replace(/^\[|\]$/g, ''));
    if (ip && (word.includes('.') || word.split(':').length > 2)) return ip;
  }
  return undefined;
}

/**
 * Parses one `Received` field (RFC 5321 §4.4) into its clauses: from (HELO name), the reverse-DNS name and
 * client IP recorded in the TCP-info comment, by, with, id, for and the date after the last semicolon.
 * Tolerates the Postfix, Exim, Sendmail, qmail and Exchange dialects; fields it cannot read stay undefined.
 */
export function parseReceived(value: string, index: number, raw: string = value): ReceivedHop {
  const semicolon = value.lastIndexOf(';');
  const clauseText = semicolon >= 0 ? value.slice(0, semicolon) : value;
  const time = semicolon >= 0 ? parseMailDate(value.slice(semicolon + 1)) : undefined;
  const parts: Partial<Record<Clause, { words: string[]; comments: string[] }>> = {};
  let current: { words: string[]; comments: string[] } | undefined;
  for (const token of tokens(clauseText)) {
    const keyword = token.word.toLowerCase() as Clause;
    if (!token.comment && CLAUSES.includes(keyword) && !parts[keyword]) {
      current = { words: [], comments: [] };
      parts[keyword] = current;
    } else if (current) {
      if (token.comment) current.comments.push(token.word);
      else current.words.push(token.word);
    }
  }
  const hop: {
    -readonly [K in keyof ReceivedHop]: ReceivedHop[K];
  } = { index, raw };
  const from = parts.from;
  if (from) {
    const helo = from.words[0];
    if (helo) hop.from = helo.replace(/^\[|\]$/g, '');
    const tcpInfo = from.comments.join(' ');
    const clientIp = findIp(tcpInfo) ?? findIp(from.words.join(' '));
    if (clientIp) hop.clientIp = clientIp;
    const rdns = /^\s*([a-z0-9][a-z0-9.-]*\.[a-z]{2,})\b/i.exec(
      tcpInfo.replace(/^\s*(?:helo|ehlo)=\S+\s*/i, ''),
    );
    if (rdns && rdns[1]!.toLowerCase() !== 'unknown') hop.fromReverseDns = rdns[1]!.toLowerCase();
  }
  const single = (clause: Clause): string | undefined => parts[clause]?.words[0];
  const by = single('by');
  if (by) hop.by = by;
  const withClause = single('with');
  if (withClause) hop.with = withClause;
  const id = single('id');
  if (id) hop.id = id;
  const forClause = single('for');
  if (forClause) hop.for = forClause.replace(/^<|>$/g, '');
  if (time) hop.time = time;
  return hop;
}
