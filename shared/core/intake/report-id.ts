/**
 * The id of the `index`-th reported message of a submission: derived, never random, so processing the same raw
 * mail again (a retry, a replay, `reprocess`) rewrites the same report items instead of adding new ones.
 * `-` followed by the decimal index keeps ids readable and unambiguous (the index never contains `-`).
 */
export function reportIdFor(submissionId: string, index: number): string {
  if (!Number.isSafeInteger(index) || index < 0)
    throw new RangeError(`report index ${index} is not a natural number`);
  return `${submissionId}-${index}`;
}
