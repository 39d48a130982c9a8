/**
 * Splits an mbox file into messages. Each message starts with a `From ` separator line at the start of the file or
 * after a line break (mboxo/mboxrd, RFC 4155); the separator is dropped and `>From ` quoting is undone one level
 * (mboxrd). Line ends are normalised to CRLF as on the wire (RFC 5322 §2.1).
 */
export function splitMbox(data: Uint8Array): Uint8Array[] {
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
  const messages: Uint8Array[] = [];
  const starts: number[] = [];
  if (text.startsWith('From ')) starts.push(0);
  for (let at = text.indexOf('\nFrom '); at !== -1; at = text.indexOf('\nFrom ', at + 1)) starts.push(at + 1);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    const end = starts[i + 1] ?? text.length;
    const separatorEnd = text.indexOf('\n', start);
    if (separatorEnd === -1 || separatorEnd >= end) continue;
    const body = text
      .slice(separatorEnd + 1, end)
      .replace(/\r?\n\r?\n$/, '\n')
      .replace(/^>(>*From )/gm, '$1')
      .replace(/\r?\n/g, '\r\n');
    // latin1 round-trips every byte, so 8-bit content survives untouched.
    messages.push(new Uint8Array(Buffer.from(body, 'latin1')));
  }
  return messages;
}

/** Whether the bytes look like an mbox (first line is a `From ` separator). */
export function looksLikeMbox(head: Uint8Array): boolean {
  return (
    Buffer.from(head.buffer, head.byteOffset, Math.min(head.byteLength, 5)).toString('latin1') === 'From '
  );
}

/** Writes messages as an mboxrd file (for the benchmark and tests): separator line, `>From ` quoting. */
export function joinMbox(messages: readonly Uint8Array[], sender = 'MAILER-DAEMON'): Uint8Array {
  const parts = messages.map((message) => {
    const text = Buffer.from(message)
      .toString('latin1')
      .replace(/\r\n/g, '\n')
      .replace(/^(>*From )/gm, '>$1');
    return `From ${sender} Thu Jan  1 00:00:00 1970\n${text.endsWith('\n') ? text : `${text}\n`}\n`;
  });
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}
