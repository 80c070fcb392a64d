// Tests that check what lib/data returns (not who may call it) read it as the trusted system
// caller of lib/auth/dal.ts, the way a command-line script would. Who may call it is tested in
// tests/integration/authorization.test.ts and, over HTTP, tests/e2e/page-access.test.ts.
import { runAsSystem } from '@/lib/auth/dal';

/** fn, called as the trusted system caller. */
export function asSystem<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return (...args) => runAsSystem('test', () => fn(...args));
}
