// Fact edit / review / manual entry schemas, shared by the review queue forms and lib/actions/facts.ts.
import { z } from 'zod';
import { parseNumberInput } from '@/lib/numbers/parse-input';
import { parseAsWritten, parseUnitInput } from '@/lib/numbers/as-written';
import { COMPARATORS, type ComparatorCode } from '@/lib/vocab/comparators';
import { FACT_KINDS } from '@/lib/vocab/kinds';
import { PERIOD_PATTERN } from '@/lib/vocab/periods';

export const SUBJECT_TYPES = ['park', 'region', 'project', 'org', 'none'] as const;
export const CONFLICT_TEXT = '此数据已被他人修改，请刷新后重试';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const id = z.coerce.number({ error: '无效的编号' }).int('无效的编号').positive('无效的编号');
const optionalId = z.preprocess(emptyToNull, id.nullable());

/** Typed value (140亿, 1.4e10, 23,858万, 12%) → exact decimal string. */
export const valueField = z
  .string({ error: '请输入数值' })
  .transform((s, ctx) => {
    const r = parseNumberInput(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    if (r.value.replace('-', '').split('.')[0]!.length > 24) {
      ctx.addIssue({ code: 'custom', message: '数值超出范围' });
      return z.NEVER;
    }
    return r.value;
  });

/**
 * A value as written (3.8亿元, 150余人, 35.6%): read by the extractor's quantity reader, so the
 * unit and comparator it names come with it (merged with the form's fields by withWritten).
 */
export const writtenValueField = z
  .string({ error: '请输入数值' })
  .transform((s, ctx) => {
    const r = parseAsWritten(s);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: r.error });
      return z.NEVER;
    }
    if (r.value.replace('-', '').split('.')[0]!.length > 24) {
      ctx.addIssue({ code: 'custom', message: '数值超出范围' });
      return z.NEVER;
    }
    return r;
  });

type Written = { value: { value: string; unit: string | null; comparator: ComparatorCode | null }; unit: string; comparator: ComparatorCode };

/** The written value's unit and comparator win over the form's (the client keeps them in step). */
function withWritten<T extends Written>(v: T): Omit<T, 'value'> & { value: string } {
  return { ...v, value: v.value.value, unit: v.value.unit ?? v.unit, comparator: v.value.comparator ?? v.comparator };
}

const factFields = {
  metricId: z.coerce.number({ error: '请选择指标' }).int('请选择指标').positive('请选择指标'),
  subjectType: z.enum(SUBJECT_TYPES).default('none'),
  parkId: optionalId,
  regionId: optionalId,
  // A project or organisation subject: an existing record (picker), or a new one by name.
  projectId: optionalId.default(null),
  orgId: optionalId.default(null),
  orgName: z.preprocess(emptyToNull, z.string().trim().max(200, '名称过长').nullable()),
  year: z.preprocess(emptyToNull, z.coerce.number().int('年份应为整数').min(1949, '年份过早').max(2100, '年份过晚').nullable()),
  period: z.preprocess(
    emptyToNull,
    z.string().regex(PERIOD_PATTERN, '期间格式：FY、H1、Q1、M01-M07 或 cumulative').nullable(),
  ),
  kind: z.enum(FACT_KINDS, { error: '请选择类型' }),
  comparator: z.enum(COMPARATORS, { error: '请选择比较符' }).default('eq'),
  value: writtenValueField,
  // Units by their Chinese names (名, 人次, 亩) or codes; a unit the written value names wins.
  unit: z
    .string({ error: '请输入单位' })
    .trim()
    .min(1, '请输入单位（如 元、名、人次、%）')
    .max(40, '单位过长')
    .transform((t, ctx) => {
      const r = parseUnitInput(t);
      if (!r.ok) {
        ctx.addIssue({ code: 'custom', message: r.error });
        return z.NEVER;
      }
      return r.unit as string;
    }),
};

function checkSubject(
  v: { subjectType: (typeof SUBJECT_TYPES)[number]; parkId: number | null; regionId: number | null; projectId: number | null; orgId: number | null; orgName: string | null },
  ctx: z.RefinementCtx,
): void {
  if (v.subjectType === 'park' && v.parkId === null) ctx.addIssue({ code: 'custom', path: ['parkId'], message: '请选择园区' });
  if (v.subjectType === 'region' && v.regionId === null) ctx.addIssue({ code: 'custom', path: ['regionId'], message: '请选择区县' });
  if (v.subjectType === 'org' && v.orgId === null && !v.orgName) ctx.addIssue({ code: 'custom', path: ['orgId'], message: '请选择机构，或输入新机构的名称' });
  if (v.subjectType === 'project' && v.projectId === null && !v.orgName) ctx.addIssue({ code: 'custom', path: ['projectId'], message: '请选择项目，或输入新项目的名称' });
}

/** "1" when the form's 保存并通过 was used: the edit and the approval are one change. */
const approveFlag = z.preprocess((v) => v === '1' || v === 'true' || v === true, z.boolean()).default(false);
/** A key made once per form (crypto.randomUUID): a second submission finds the first fact. */
const submissionKey = z.string({ error: '表单已过期，请刷新页面' }).regex(/^[A-Za-z0-9-]{16,64}$/, '表单已过期，请刷新页面');

export const factUpdateSchema = z
  .object({ id, version: z.coerce.number().int().min(1), ...factFields, approve: approveFlag })
  .superRefine(checkSubject)
  .transform(withWritten);

export const manualFactSchema = z
  .object({
    ...factFields,
    status: z.enum(['draft', 'approved'], { error: '请选择状态' }),
    sourceNote: z.string({ error: '请说明数据来源' }).trim().min(4, '请说明数据来源（至少 4 个字）').max(2000, '来源说明过长'),
    submissionKey,
  })
  .superRefine(checkSubject)
  .transform(withWritten);

/** A figure taken from a selection in the article: the span is the figure's own text. */
export const articleFactSchema = z
  .object({
    ...factFields,
    articleId: id,
    spanStart: z.coerce.number().int().min(0),
    spanEnd: z.coerce.number().int().min(1),
    status: z.enum(['draft', 'approved'], { error: '请选择状态' }),
    submissionKey,
  })
  .superRefine((v, ctx) => {
    checkSubject(v, ctx);
    if (v.spanEnd <= v.spanStart || v.spanEnd - v.spanStart > 200) ctx.addIssue({ code: 'custom', path: ['spanEnd'], message: '选中的文字无效' });
  })
  .transform(withWritten);

export const proposeSchema = z
  .object({ articleId: id, start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(1) })
  .refine((v) => v.end > v.start && v.end - v.start <= 400, { message: '请选中一段较短的文字（含一个数字）', path: ['end'] });

/** The preset reasons a reviewer picks from (a typed reason is still possible). */
export const REJECT_PRESETS = ['噪声', '重复', '非本地', '不是数据'] as const;

const reviewItem = z.object({ id, version: z.coerce.number().int().min(1) });
export const approveSchema = z.object({
  items: z.array(reviewItem).min(1, '请至少选择一条').max(1000, '一次最多 1000 条'),
});
export const rejectSchema = approveSchema.extend({
  reason: z.string({ error: '请填写驳回理由' }).trim().min(2, '请填写驳回理由').max(500, '理由过长'),
});

export type FactUpdateInput = z.input<typeof factUpdateSchema>;
export type ManualFactInput = z.input<typeof manualFactSchema>;
