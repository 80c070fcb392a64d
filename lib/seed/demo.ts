// The demo issue (湘潭日报 2023-05-19, bundled under prisma/seed/demo) goes through the real
// import path, like any issue an admin imports.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ingestIssue, type IngestResult } from '@/lib/ingest/ingest';
import { DEFAULT_PUBLICATION } from './reference';
import type { AppPrismaClient } from '@/lib/db/client';

export const DEMO_ISSUE = {
  file: 'prisma/seed/demo/xiangtan-daily-2023-05-19.txt',
  date: '2023-05-19',
  publication: DEFAULT_PUBLICATION.name,
  page: '1',
} as const;

export async function loadDemoIssue(prisma: AppPrismaClient): Promise<IngestResult> {
  const text = readFileSync(path.resolve(process.cwd(), DEMO_ISSUE.file), 'utf8');
  return ingestIssue(prisma, {
    text,
    date: DEMO_ISSUE.date,
    publication: DEMO_ISSUE.publication,
    page: DEMO_ISSUE.page,
    sourceFileName: path.basename(DEMO_ISSUE.file),
  });
}
