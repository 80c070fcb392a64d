'use server';
// An issue as a record: correct its date, page and publication (audited, guarded by its version),
// withdraw it (it and its figures leave every page, the API, the exports and the aggregates) and
// restore it. Withdrawal soft-deletes the issue's live facts and recognitions with the issue's own
// deleted_at timestamp, so a restore brings back exactly those and not a figure deleted on its own.
import { revalidatePath } from 'next/cache';
import { invalidateCache } from '@/lib/data/read-cache';
import type { Prisma } from '@/lib/generated/prisma/client';
import { checkIssueDate, todayInChina } from '@/lib/ingest/issue-date';
import { yearMovesOf, type YearMove } from '@/lib/review/issue-years';
import { issueRestoreSchema, issueUpdateSchema, issueWithdrawSchema } from '@/lib/validations/issues';
import { ActionError, CONFLICT_MESSAGE, withAction, type ActionContext, type ActionResult } from './result';

type Tx = Prisma.TransactionClient;

function refreshViews(): void {
  invalidateCache();
  try {
    revalidatePath('/admin', 'layout');
    revalidatePath('/', 'layout');
  } catch {
    /* outside a request (tests, scripts): nothing to revalidate */
  }
}

async function after<T>(result: ActionResult<T>): Promise<ActionResult<T>> {
  if (result.ok) refreshViews();
  return result;
}

const ISSUE_SELECT = {
  id: true, version: true, date: true, page: true, deletedAt: true, withdrawalReason: true,
  publication: { select: { name: true } },
} satisfies Prisma.IssueSelect;

async function loadIssue(tx: Tx, id: number) {
  const issue = await tx.issue.findUnique({ where: { id }, select: ISSUE_SELECT });
  if (!issue) throw new ActionError(404, `期次 #${id} 不存在`);
  return issue;
}

function snapshot(i: Awaited<ReturnType<typeof loadIssue>>) {
  return {
    publication: i.publication.name,
    date: i.date.toISOString().slice(0, 10),
    page: i.page,
    withdrawn: i.deletedAt !== null,
    ...(i.withdrawalReason ? { withdrawalReason: i.withdrawalReason } : {}),
  };
}

/**
 * A corrected date moves the years its drafts read from it (今年, 去年, 上半年…, 截至目前): each
 * draft whose stored year is the extractor's reading under the old date takes the reading under
 * the new one (audited per figure). Reviewed figures stay as they are; the approved ones whose year
 * would change are returned, and the issue's page lists them for the admin to decide.
 */
async function reresolveYears(ctx: ActionContext, issueId: number, oldDate: string, newDate: string) {
  const moves = await yearMovesOf(ctx.tx, issueId, oldDate, newDate, ['draft', 'approved']);
  const redated: YearMove[] = [];
  for (const m of moves.filter((x) => x.status === 'draft')) {
    const n = await ctx.tx.fact.updateMany({ where: { id: m.factId, version: m.version, status: 'draft' }, data: { year: m.to, version: { increment: 1 } } });
    if (n.count !== 1) continue;
    redated.push(m);
    await ctx.audit({
      action: 'update', entityType: 'fact', entityId: m.factId, before: { year: m.from }, after: { year: m.to },
      note: `期次 #${issueId} 出版日期 ${oldDate} → ${newDate}：年份按新日期重新推算`,
    });
  }
  return { redated, approved: moves.filter((x) => x.status === 'approved') };
}

const updateAction = withAction('admin', issueUpdateSchema, async (input, ctx): Promise<ActionResult<{ warning: string | null; redated: number; approvedToCheck: number[] }>> => {
  const before = await loadIssue(ctx.tx, input.id);
  if (before.version !== input.version) throw new ActionError(409, CONFLICT_MESSAGE);
  const today = todayInChina();
  if (input.date > today) throw new ActionError(400, `出版日期 ${input.date} 晚于今天（${today}）`, { date: [`出版日期不能晚于今天（${today}）`] });
  const oldDate = before.date.toISOString().slice(0, 10);
  let warning: string | null = null;
  if (input.date !== oldDate) {
    // The text's own dates: a date they disagree with needs the admin's confirmation.
    const bodies = await ctx.tx.article.findMany({ where: { issueId: input.id }, orderBy: { ordinal: 'asc' }, select: { headline: true, body: true } });
    const check = checkIssueDate(bodies.map((a) => `${a.headline}\n${a.body}`).join('\n\n'), input.date, today);
    warning = check.warning;
    if (warning && !input.confirmDate) {
      throw new ActionError(400, `${warning}。确认无误请勾选“仍使用此日期”后再保存`, { date: [warning], ...(check.proposed ? { proposedDate: [check.proposed] } : {}) });
    }
  }
  const publication = await ctx.tx.publication.upsert({
    where: { name: input.publication }, create: { name: input.publication }, update: {}, select: { id: true },
  });
  const n = await ctx.tx.issue.updateMany({
    where: { id: input.id, version: input.version },
    data: { date: new Date(`${input.date}T00:00:00Z`), page: input.page, publicationId: publication.id, version: { increment: 1 } },
  });
  if (n.count !== 1) throw new ActionError(409, CONFLICT_MESSAGE);
  const years = input.date !== oldDate ? await reresolveYears(ctx, input.id, oldDate, input.date) : { redated: [], approved: [] };
  const afterRow = await loadIssue(ctx.tx, input.id);
  const notes = [
    warning,
    years.redated.length ? `${years.redated.length} 条待审数据的年份按新日期重新推算` : null,
    years.approved.length ? `${years.approved.length} 条已批准数据的年份按新日期会改变，未改动，待核对：${years.approved.map((m) => `#${m.factId}`).join('、')}` : null,
  ].filter((x): x is string => x !== null);
  await ctx.audit({ action: 'update', entityType: 'issue', entityId: input.id, before: snapshot(before), after: snapshot(afterRow), note: notes.length ? notes.join('；') : null });
  return { ok: true, message: '已保存', data: { warning, redated: years.redated.length, approvedToCheck: years.approved.map((m) => m.factId) } };
});

const withdrawAction = withAction('admin', issueWithdrawSchema, async (input, ctx): Promise<ActionResult<{ facts: number }>> => {
  const before = await loadIssue(ctx.tx, input.id);
  if (before.version !== input.version) throw new ActionError(409, CONFLICT_MESSAGE);
  if (before.deletedAt) throw new ActionError(409, '该期次已撤回');
  const at = new Date();
  const n = await ctx.tx.issue.updateMany({
    where: { id: input.id, version: input.version, deletedAt: null },
    data: { deletedAt: at, withdrawalReason: input.reason, version: { increment: 1 } },
  });
  if (n.count !== 1) throw new ActionError(409, CONFLICT_MESSAGE);
  const facts = await ctx.tx.fact.updateMany({ where: { article: { issueId: input.id }, deletedAt: null }, data: { deletedAt: at } });
  const recognitions = await ctx.tx.recognition.updateMany({ where: { article: { issueId: input.id }, deletedAt: null }, data: { deletedAt: at } });
  await ctx.audit({
    action: 'withdraw', entityType: 'issue', entityId: input.id, note: input.reason,
    before: snapshot(before), after: { withdrawn: true, facts: facts.count, recognitions: recognitions.count },
  });
  return { ok: true, message: `已撤回：${facts.count} 条数据已从所有页面撤下`, data: { facts: facts.count } };
});

const restoreAction = withAction('admin', issueRestoreSchema, async (input, ctx): Promise<ActionResult<{ facts: number }>> => {
  const before = await loadIssue(ctx.tx, input.id);
  if (before.version !== input.version) throw new ActionError(409, CONFLICT_MESSAGE);
  const at = before.deletedAt;
  if (!at) throw new ActionError(409, '该期次未撤回');
  const n = await ctx.tx.issue.updateMany({
    where: { id: input.id, version: input.version },
    data: { deletedAt: null, withdrawalReason: null, version: { increment: 1 } },
  });
  if (n.count !== 1) throw new ActionError(409, CONFLICT_MESSAGE);
  // Exactly what the withdrawal took down (same timestamp), not figures deleted on their own.
  const facts = await ctx.tx.fact.updateMany({ where: { article: { issueId: input.id }, deletedAt: at }, data: { deletedAt: null } });
  const recognitions = await ctx.tx.recognition.updateMany({ where: { article: { issueId: input.id }, deletedAt: at }, data: { deletedAt: null } });
  await ctx.audit({
    action: 'restore', entityType: 'issue', entityId: input.id,
    before: snapshot(before), after: { withdrawn: false, facts: facts.count, recognitions: recognitions.count },
  });
  return { ok: true, message: `已恢复：${facts.count} 条数据重新上线`, data: { facts: facts.count } };
});

/** useActionState-compatible: (previousState, formData) or (input). */
export async function updateIssue(stateOrInput?: unknown, maybeInput?: unknown) {
  return after(await updateAction(stateOrInput, maybeInput));
}

export async function withdrawIssue(stateOrInput?: unknown, maybeInput?: unknown) {
  return after(await withdrawAction(stateOrInput, maybeInput));
}

export async function restoreIssue(stateOrInput?: unknown, maybeInput?: unknown) {
  return after(await restoreAction(stateOrInput, maybeInput));
}
