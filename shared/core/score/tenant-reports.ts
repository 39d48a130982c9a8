import type { ReportRecord } from '../model/records.ts';
import type { RecordStore } from '../ports.ts';

/** Largest page the record store serves (ports.ts ReportQuery). */
const PAGE_SIZE = 500;

/** A tenant's reports received in [from, to], newest first, at most `max` (RecordStore's tenant index). */
export async function tenantReports(
  records: RecordStore,
  tenantId: string,
  range: { readonly from: string; readonly to: string },
  max: number,
): Promise<ReportRecord[]> {
  const reports: ReportRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await records.queryReports({
      index: { by: 'tenant', tenantId },
      from: range.from,
      to: range.to,
      limit: PAGE_SIZE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    reports.push(...page.items);
    cursor = page.cursor;
  } while (cursor !== undefined && reports.length < max);
  return reports.slice(0, max);
}
