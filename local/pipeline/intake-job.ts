/** The body of one queue entry: a submission whose raw mail is stored and waits for the pipeline. */
export interface IntakeJob {
  readonly submissionId: string;
  /** ISO 8601 UTC when the mail was accepted (SMTP 250 or ingest). */
  readonly receivedAt: string;
  /** Where the raw mail lives (`file:///…/raw/<id>.eml`). */
  readonly rawLocation: string;
}
