import { isFieldLine } from './header-block.ts';

/** Lines mail clients put above a forwarded or quoted message, each with the client that writes it. */
const FORWARD_MARKERS: readonly RegExp[] = [
  /^-{3,}\s*Forwarded message\s*-{3,}/i, // Gmail
  /^-{3,}\s*Original Message\s*-{3,}/i, // Outlook, Thunderbird reply
  /^-{3,}\s*Forwarded Message\s*-{3,}/i, // Thunderbird forward
  /^Begin forwarded message:/i, // Apple Mail
  /^-{3,}\s*(?:Weitergeleitete Nachricht|Ursprüngliche Nachricht)\s*-{3,}/i, // German clients
  /^Anfang der weitergeleiteten Nachricht:/i, // Apple Mail, German
  /^-{3,}\s*(?:Message transféré|Message d'origine)\s*-{3,}/i, // French clients
  /^-{3,}\s*(?:Mensaje reenviado|Mensaje original)\s*-{3,}/i, // Spanish clients
  /^_{10,}\s*$/, // Outlook's rule line above "From: … Sent: …"
];

/** Fields that show a quoted block is a message's header, not prose with a colon. */
const IDENTIFYING_FIELDS = /^(?:from|date|sent|subject|message-id|received|return-path|to)$/i;

/** Removes e-mail quoting (`> `, `>> `) and the indentation some clients add. */
function unquote(line: string): string {
  return line.replace(/^(?:\s*>)+ ?/, '').replace(/^[ \t]+(?=\S+:)/, '');
}

/** Collects a header block starting at line `start`: field lines and their continuations until a blank line. */
function collectHeaderRun(lines: readonly string[], start: number): string[] | undefined {
  const block: string[] = [];
  let i = start;
  while (i < lines.length && unquote(lines[i]!).trim() === '' && i - start < 3) i++;
  let identifying = 0;
  for (; i < lines.length; i++) {
    const quoted = lines[i]!.replace(/^(?:\s*>)+ ?/, '');
    if (quoted.trim() === '') break;
    const line = unquote(lines[i]!);
    if (/^[ \t]/.test(quoted) && block.length > 0 && !isFieldLine(line)) {
      block.push(quoted);
      continue;
    }
    const field = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:/.exec(line);
    if (!field || !isFieldLine(line)) break;
    if (IDENTIFYING_FIELDS.test(field[1]!)) identifying++;
    block.push(line);
  }
  return identifying >= 2 ? block : undefined;
}

/**
 * Finds the header block quoted under a forward marker in plain text ("---------- Forwarded message ---------",
 * "-----Original Message-----", "Begin forwarded message:"…). With `anywhere`, also accepts a run of header
 * fields starting at any line with Received/Return-Path/From (used where the shape says an original is there).
 * Returns the recovered lines joined with CRLF, or undefined.
 */
export function findQuotedHeaderBlock(text: string, anywhere = false): string | undefined {
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = unquote(lines[i]!).trim();
    if (FORWARD_MARKERS.some((marker) => marker.test(line))) {
      const block = collectHeaderRun(lines, i + 1);
      if (block) return block.join('\r\n');
    }
  }
  if (!anywhere) return undefined;
  for (let i = 0; i < lines.length; i++) {
    if (/^(?:received|return-path|from|dkim-signature|message-id):/i.test(unquote(lines[i]!))) {
      const block = collectHeaderRun(lines, i);
      if (block && block.length >= 3) return block.join('\r\n');
    }
  }
  return undefined;
}

/** Plain text from HTML, enough to find a forward marker and the quoted header lines under it. */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|div|tr|li|h\d|blockquote)>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .replace(/&amp;/gi, '&');
}
