// Seeding for e2e servers: reference data (done by createTestDatabase), the demo accounts with
// passwords the tests know, and optionally the demo issue with all of its facts approved.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppPrismaClient } from '@/lib/db/client';
import { REPO_ROOT } from './build';

export type TestRole = 'admin' | 'analyst' | 'viewer';

/** The demo accounts every e2e server gets, with passwords the tests can type. */
export const TEST_ACCOUNTS: Record<TestRole, { username: string; password: string }> = {
  admin: { username: 'admin', password: 'e2e-admin-pass-2026' },
  analyst: { username: 'analyst', password: 'e2e-analyst-pass-2026' },
  viewer: { username: 'viewer', password: 'e2e-viewer-pass-2026' },
};

/** Environment for the server so that its own start-up seeding agrees with TEST_ACCOUNTS. */
export function accountEnv(): Record<string, string> {
  return {
    DEMO_ADMIN_PASSWORD: TEST_ACCOUNTS.admin.password,
    DEMO_ANALYST_PASSWORD: TEST_ACCOUNTS.analyst.password,
    DEMO_VIEWER_PASSWORD: TEST_ACCOUNTS.viewer.password,
  };
}

type EnsureDemoAccounts = (
  prisma: AppPrismaClient,
  opts: { passwords: Partial<Record<TestRole, string>> },
) => Promise<unknown>;

/**
 * Creates the demo accounts through the AUTH helper's lib/seed/accounts.ts. Loaded by path so
 * the harness works (without accounts) before that module exists; returns false then.
 */
export async function seedAccounts(prisma: AppPrismaClient): Promise<boolean> {
  const file = path.join(REPO_ROOT, 'lib/seed/accounts.ts');
  if (!existsSync(file)) return false;
  const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { ensureDemoAccounts?: EnsureDemoAccounts };
  if (typeof mod.ensureDemoAccounts !== 'function') return false;
  await mod.ensureDemoAccounts(prisma, {
    passwords: {
      admin: TEST_ACCOUNTS.admin.password,
      analyst: TEST_ACCOUNTS.analyst.password,
      viewer: TEST_ACCOUNTS.viewer.password,
    },
  });
  return true;
}

export interface DemoSeedResult {
  issueId: number;
  facts: number;
  approved: number;
}

/** Imports the demo issue through the real ingest path; with approveAll, approves every draft. */
export async function seedDemoIssue(prisma: AppPrismaClient, opts: { approveAll?: boolean } = {}): Promise<DemoSeedResult> {
  const { loadDemoIssue, applyDemoReview } = await import('@/lib/seed/demo');
  const demo = await loadDemoIssue(prisma);
  await applyDemoReview(prisma, demo.issueId);
  let approved = 0;
  if (opts.approveAll) {
    const r = await prisma.fact.updateMany({
      where: { status: 'draft', article: { issueId: demo.issueId } },
      data: { status: 'approved', reviewedAt: new Date() },
    });
    approved = r.count;
  }
  return { issueId: demo.issueId, facts: demo.facts, approved };
}
