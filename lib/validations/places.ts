// Park and region schemas for /admin/places (create / edit / soft delete).
import { z } from 'zod';

const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
export const aliasList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(/[,，、\n]/).map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.string().max(60, '别名过长')).max(50, '别名过多'),
);
const optionalId = z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()).optional();

export const PARK_LEVELS = ['national', 'provincial', 'municipal'] as const;
export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export const PARK_LEVEL_LABELS = { national: '国家级', provincial: '省级', municipal: '市级' } as const;
export const REGION_LEVEL_LABELS = { province: '省', city: '市', county: '县（市、区）' } as const;

export const parkSchema = z.object({
  id: optionalId,
  version: optionalId,
  name: z.string({ error: '请输入园区名称' }).trim().min(2, '请输入园区名称').max(100, '名称过长'),
  officialName: z.preprocess(emptyToNull, z.string().trim().max(200, '名称过长').nullable()),
  nameEn: z.preprocess(emptyToNull, z.string().trim().max(200, '名称过长').nullable()),
  aliases: aliasList.default([]),
  type: z.preprocess(emptyToNull, z.string().trim().max(50, '类型过长').nullable()),
  level: z.enum(PARK_LEVELS, { error: '请选择级别' }),
  regionId: z.coerce.number({ error: '请选择所在区县' }).int().positive('请选择所在区县'),
  /** The park it belongs to (a sub-park, 产业园, 众创城): empty clears it, absent leaves it as it is. */
  parentId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()).optional(),
});

export const regionSchema = z.object({
  id: optionalId,
  version: optionalId,
  code: z.string({ error: '请输入行政区划代码' }).trim().regex(/^\d{6}$/, '行政区划代码为 6 位数字'),
  name: z.string({ error: '请输入名称' }).trim().min(2, '请输入名称').max(100, '名称过长'),
  nameEn: z.preprocess(emptyToNull, z.string().trim().max(200, '名称过长').nullable()),
  aliases: aliasList.default([]),
  level: z.enum(REGION_LEVELS, { error: '请选择级别' }),
  parentId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
});

export const RECOGNITION_LEVELS = ['national', 'province', 'city', 'county'] as const;
export const RECOGNITION_LEVEL_LABELS = { national: '国家级', province: '省级', city: '市级', county: '县级' } as const;

export const recognitionSchema = z
  .object({
    id: optionalId,
    subjectType: z.enum(['park', 'region'], { error: '请选择园区或区县' }),
    parkId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
    regionId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
    year: z.coerce.number({ error: '请输入年份' }).int('年份应为整数').min(1949, '年份过早').max(2100, '年份过晚'),
    title: z.string({ error: '请输入称号' }).trim().min(2, '请输入称号').max(300, '称号过长'),
    level: z.enum(RECOGNITION_LEVELS, { error: '请选择级别' }),
    articleId: z.preprocess(emptyToNull, z.coerce.number().int().positive().nullable()),
  })
  .superRefine((v, ctx) => {
    if (v.subjectType === 'park' && v.parkId === null) ctx.addIssue({ code: 'custom', path: ['parkId'], message: '请选择园区' });
    if (v.subjectType === 'region' && v.regionId === null) ctx.addIssue({ code: 'custom', path: ['regionId'], message: '请选择区县' });
  });
