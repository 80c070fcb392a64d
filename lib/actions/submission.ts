// Forms that cannot double-submit: each form sends a submission key made once per form; the
// fact it creates keeps the key (unique). A second submission finds the first fact — before
// inserting, or, when both arrive at once, after the unique index refused the second insert.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { getPrisma } from '@/lib/db';
import { guard, type ActionResult } from './result';

export const DUPLICATE_TEXT = '已保存（重复提交，未再创建）';

function isDuplicateKey(e: unknown): boolean {
  if (!(e instanceof Prisma.PrismaClientKnownRequestError) || e.code !== 'P2002') return false;
  return JSON.stringify(e.meta ?? {}).includes('submission_key') || e.message.includes('submission_key');
}

function keyOf(input: unknown): string | null {
  const k = input instanceof FormData ? input.get('submissionKey') : input && typeof input === 'object' ? (input as Record<string, unknown>).submissionKey : null;
  return typeof k === 'string' ? k : null;
}

/** Runs a creating action; a concurrent second submission of the same form answers with the first fact. */
export async function oncePerForm<T extends { id: number; duplicate?: boolean }>(
  input: unknown,
  run: () => Promise<ActionResult<T>>,
): Promise<ActionResult<T>> {
  try {
    return await run();
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const auth = await guard('admin');
    if (!auth.ok) return auth.result;
    const key = keyOf(input);
    const found = key ? await (await getPrisma()).fact.findUnique({ where: { submissionKey: key }, select: { id: true } }) : null;
    if (!found) throw e;
    return { ok: true, message: DUPLICATE_TEXT, data: { id: found.id, duplicate: true } as T };
  }
}
