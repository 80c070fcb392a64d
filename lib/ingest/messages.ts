// Messages about an import's outcome, shared by the admin form, the batch jobs and the CLI.
import type { IngestResult } from './ingest';

/** "Already imported", saying when the stored issue has another date (and which) or was withdrawn. */
export function duplicateMessage(r: Pick<IngestResult, 'issueId' | 'duplicateOf'>, givenDate: string | null): string {
  const d = r.duplicateOf;
  const parts = [`这期报纸已导入过（期次 #${r.issueId}`];
  if (d && givenDate && d.date !== givenDate) parts.push(`，日期为 ${d.date}，不是 ${givenDate}`);
  else if (d) parts.push(`，${d.date}`);
  parts.push('）');
  if (d?.withdrawn) parts.push('，该期已撤回，可在期次页恢复');
  parts.push('，未做任何更改');
  return parts.join('');
}
