// The answer of every server action, and withAction(): the one path every mutation takes —
// role check first (Server Actions are public endpoints), then zod validation, then the work and
// its audit record in one transaction. Failures come back as values, never as thrown errors.
import 'server-only';
import { z } from 'zod';
import { authorize, type Role, type SessionUser } from '@/lib/auth';
import { audit, type AuditEntry } from '@/lib/audit';
import { getPrisma } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { databaseUnavailable } from '@/lib/api/route';
import { translateResult } from '@/lib/i18n/messages';
import { getLang } from '@/lib/i18n/server';
import type { Lang } from '@/lib/i18n/dictionaries';

export type ActionStatus = 400 | 401 | 403 | 404 | 409 | 429 | 503;

export type ActionResult<T = undefined> =
  | { ok: true; data?: T; message?: string }
  | {
      ok: false;
      status: ActionStatus;
      message: string;
      fieldErrors?: Record<string, string[]>;
      /** What the user typed (non-secret fields), so a form re-rendered without JavaScript keeps it. */
      values?: Record<string, string>;
    };

/** Throw inside a withAction handler to stop, roll back and answer with this status. */
export class ActionError extends Error {
  override name = 'ActionError';
  constructor(
    readonly status: ActionStatus,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

export type ActionFailure = Extract<ActionResult<never>, { ok: false }>;

export function fail(status: ActionStatus, message: string, fieldErrors?: Record<string, string[]>): ActionFailure {
  return fieldErrors ? { ok: false, status, message, fieldErrors } : { ok: false, status, message };
}

export const CONFLICT_MESSAGE = '该记录已被其他人修改，请刷新后重试（您的修改未保存）';
export const DB_UNAVAILABLE_MESSAGE = '数据库暂时不可用，请稍后再试';

/** zod issues as { field: [messages] } (z.flattenError, zod 4), with form-level ones under "_form". */
export function zodFieldErrors(error: z.ZodError): Record<string, string[]> {
  const flat = z.flattenError(error);
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(flat.fieldErrors as Record<string, string[] | undefined>)) if (v?.length) out[k] = v;
  if (flat.formErrors.length) out._form = flat.formErrors;
  return out;
}

/** FormData → plain object (repeated keys become arrays; files stay File objects). */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue; // React's own bookkeeping fields
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

export interface ActionContext {
  user: SessionUser;
  tx: Prisma.TransactionClient;
  /** audit(tx, …) with the signed-in user filled in. */
  audit(entry: Omit<AuditEntry, 'userId'>): Promise<void>;
}

/** Rolls the transaction back when a handler answers ok: false. */
class Rollback extends Error {
  constructor(readonly result: ActionResult<unknown>) {
    super('rollback');
  }
}

/** The language of the request (its `lang` cookie); Chinese outside a request (scripts, some tests). */
async function requestLang(): Promise<Lang> {
  try {
    return await getLang();
  } catch {
    return 'zh';
  }
}

/** An action's answer with its message and field errors in the language of the request. */
export async function inRequestLang<R>(result: R): Promise<R> {
  return translateResult(result, await requestLang());
}

/**
 * Wraps a mutation. The returned function accepts either (input) or (previousState, input) — the
 * latter is how React's useActionState calls actions — and input may be FormData or an object.
 */
export function withAction<S extends z.ZodType, R extends ActionResult<unknown>>(
  minRole: Role,
  schema: S,
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  opts: { timeoutMs?: number } = {},
): (stateOrInput?: unknown, maybeInput?: unknown) => Promise<R | ActionResult<never>> {
  const run = async (stateOrInput?: unknown, maybeInput?: unknown): Promise<R | ActionResult<never>> => {
    try {
      const auth = await authorize(minRole);
      if (!auth.ok) return fail(auth.status, auth.message);
      const raw = maybeInput !== undefined ? maybeInput : stateOrInput;
      const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) return fail(400, '输入有误，请检查标出的字段', zodFieldErrors(parsed.error));
      const prisma = await getPrisma();
      return await prisma.$transaction(
        async (tx) => {
          // Who changes a figure, for the fact_version trigger (a transaction-local setting).
          await tx.$queryRaw`SELECT set_config('xt.user_id', ${String(auth.user.id)}, true)`;
          const ctx: ActionContext = {
            user: auth.user,
            tx,
            audit: (entry) => audit(tx, { ...entry, userId: auth.user.id }),
          };
          const result = await handler(parsed.data as z.output<S>, ctx);
          if (!result.ok) throw new Rollback(result);
          return result;
        },
        { timeout: opts.timeoutMs ?? 30_000, maxWait: 10_000 },
      );
    } catch (e) {
      if (e instanceof Rollback) return e.result as R;
      if (e instanceof ActionError) return fail(e.status, e.message, e.fieldErrors);
      if (databaseUnavailable(e)) return fail(503, DB_UNAVAILABLE_MESSAGE);
      throw e; // redirect()/notFound() and real bugs: Next handles (and masks) them
    }
  };
  return async (stateOrInput?: unknown, maybeInput?: unknown) => inRequestLang(await run(stateOrInput, maybeInput));
}

/** The role check alone, for actions that do not fit withAction (e.g. streaming imports). */
export async function guard(minRole: Role): Promise<{ ok: true; user: SessionUser } | { ok: false; result: ActionResult<never> }> {
  const auth = await authorize(minRole);
  return auth.ok ? auth : { ok: false, result: await inRequestLang(fail(auth.status, auth.message)) };
}
