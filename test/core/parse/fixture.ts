import { readFileSync } from 'node:fs';
import type { Submission } from '../../../shared/core/model/index.ts';
import { parseSubmission } from '../../../shared/core/parse/index.ts';

/** Directory of the parser's fixture mails. */
export const FIXTURE_DIR = new URL('../../fixtures/parse/', import.meta.url);

/** The bytes of one fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(name, FIXTURE_DIR));
}

/** Parses one fixture file with default limits. */
export function parseFixture(name: string): Submission {
  return parseSubmission(fixtureBytes(name));
}

/** The first reported message of a submission, failing loudly when there is none. */
export function onlyMessage(submission: Submission): Submission['messages'][number] {
  const message = submission.messages[0];
  if (!message) throw new Error(`no reported message: ${JSON.stringify(submission.unusableReason)}`);
  return message;
}

/** The deviation codes of a submission. */
export function deviationCodes(submission: Submission): string[] {
  return submission.deviations.map((deviation) => deviation.code);
}
