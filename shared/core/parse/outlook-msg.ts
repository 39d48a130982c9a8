import * as msgreaderModule from '@kenjiuno/msgreader';
import type { FeedbackFields } from '../model/index.ts';
import { compoundFileProblem } from './cfb-guard.ts';
import type { ParseContext } from './parse-context.ts';
import { type RecoveredMessage, recoverFromHeaderText } from './reported-message.ts';

type MsgReaderClass = new (
  buffer: ArrayBuffer | DataView,
) => { getFileData(): { headers?: string; error?: string } };

/** The MsgReader class whether the CommonJS default arrives wrapped once (Node ESM) or twice (tsx/vite). */
function msgReaderClass(): MsgReaderClass {
  const outer = (msgreaderModule as unknown as { default: unknown }).default;
  const candidate = typeof outer === 'function' ? outer : (outer as { default: unknown }).default;
  return candidate as MsgReaderClass;
}

/** The outcome of reading an Outlook .msg attachment. */
export type MsgOutcome =
  | { readonly ok: true; readonly message: RecoveredMessage }
  | { readonly ok: false; readonly message: string };

/**
 * Reads an Outlook .msg attachment (MS-OXMSG) with @kenjiuno/msgreader (pure JS, no I/O) and recovers the
 * original's transport headers (PidTagTransportMessageHeaders). Without them there is nothing to attribute.
 */
export function readOutlookMsg(bytes: Uint8Array, feedback: FeedbackFields, ctx: ParseContext): MsgOutcome {
  const problem = compoundFileProblem(bytes);
  if (problem) return { ok: false, message: `Outlook .msg attachment refused: ${problem}` };
  try {
    // A real copy: Buffer#slice shares memory, and its .buffer may be Node's whole 8 KiB allocation pool.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const data = new (msgReaderClass())(copy.buffer).getFileData();
    if (data.error) return { ok: false, message: `Outlook .msg attachment unreadable: ${data.error}` };
    if (!data.headers?.trim()) {
      return { ok: false, message: 'Outlook .msg attachment carries no transport headers' };
    }
    ctx.deviate('forward.outlook-msg', 'the reported message came as an Outlook .msg attachment');
    return {
      ok: true,
      message: recoverFromHeaderText(data.headers, ctx, {
        source: 'attachment',
        confidence: 'high',
        feedback,
      }),
    };
  } catch (error) {
    return { ok: false, message: `Outlook .msg attachment unreadable: ${(error as Error).message}` };
  }
}
