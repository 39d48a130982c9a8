/** One row of the benchmark table: which suite and case, what was measured, and its figures. */
export interface BenchResult {
  readonly suite: string;
  readonly case: string;
  readonly subject: string;
  /** Column name → formatted value; columns are the union over all rows. */
  readonly metrics: Readonly<Record<string, string>>;
}

/** A benchmark module listed in bench/run.ts. */
export interface BenchModule {
  readonly name: string;
  run(): Promise<BenchResult[]>;
}
