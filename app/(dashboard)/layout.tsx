import type { ReactNode } from 'react';
import { requireUser } from '@/lib/auth';

// Officials' and analysts' pages: any signed-in user (viewer and up).
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser('viewer');
  return children;
}
