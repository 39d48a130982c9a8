import type { MailAddress } from '../model/index.ts';
import { decodeEncodedWords } from './encoded-words.ts';

function withDomain(address: string, name: string | undefined): MailAddress {
  const lower = address.toLowerCase();
  const at = lower.lastIndexOf('@');
  const domain = at >= 0 ? lower.slice(at + 1).replace(/\.$/, '') : undefined;
  const result: { address: string; domain?: string; name?: string } = { address: lower };
  if (domain) result.domain = domain;
  if (name) result.name = name;
  return result;
}

function cleanName(text: string): string | undefined {
  let name = text.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) {
    name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  name = decodeEncodedWords(name).trim();
  return name || undefined;
}

/** Strips RFC 5322 comments (nested parentheses) outside quoted strings. */
function stripComments(text: string): { text: string; comment: string } {
  let out = '';
  let comment = '';
  let depth = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      if (depth === 0) out += char + text[i + 1];
      i++;
    } else if (char === '"' && depth === 0) {
      quoted = !quoted;
      out += char;
    } else if (char === '(' && !quoted) {
      depth++;
    } else if (char === ')' && !quoted && depth > 0) {
      depth--;
    } else if (depth > 0) comment += char;
    else out += char;
  }
  return { text: out, comment };
}

/**
 * Parses the first mailbox of an address header (From, Return-Path, Original-Mail-From; RFC 5322 §3.4):
 * `Name <a@b>`, `a@b (Name)`, bare `a@b`, group syntax, and the null path `<>` (address ''). Lower-cases
 * the address; decodes an RFC 2047 display name. Undefined when no address is recognisable.
 */
export function parseAddress(value: string): MailAddress | undefined {
  const angle = /<([^<>]*)>/.exec(value);
  if (angle) {
    const inner = angle[1]!.trim().replace(/^mailto:/i, '');
    // Source routes (RFC 5322 §4.4 obs-route) precede a colon inside the brackets.
    const address =
      inner.includes(':') && inner.startsWith('@') ? inner.slice(inner.indexOf(':') + 1) : inner;
    const before = value.slice(0, angle.index);
    const groupColon = before.lastIndexOf(':');
    const name = cleanName(stripComments(groupColon >= 0 ? before.slice(groupColon + 1) : before).text);
    return withDomain(address.replace(/\s+/g, ''), name);
  }
  const { text, comment } = stripComments(value);
  const groupColon = text.indexOf(':');
  const candidate = (
    groupColon >= 0 && !text.slice(0, groupColon).includes('@') ? text.slice(groupColon + 1) : text
  )
    .split(/[,;]/)[0]!
    .trim();
  const match = /[^\s"<>()]*@[^\s"<>(),;]+/.exec(candidate);
  if (!match) return undefined;
  return withDomain(match[0], cleanName(comment));
}
