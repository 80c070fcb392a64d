// User-administration schemas (admin page forms and lib/actions/users.ts).
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

export const PASSWORD_MIN = 8;

const id = z.coerce.number({ error: '缺少用户编号' }).int().positive();
const version = z.coerce.number({ error: '缺少版本号' }).int().nonnegative();
const role = z.enum(ROLES, { error: '请选择角色' });
const password = z
  .string({ error: '请输入密码' })
  .min(PASSWORD_MIN, `密码至少 ${PASSWORD_MIN} 个字符`)
  .max(256, '密码过长');

export const createUserSchema = z.object({
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .toLowerCase()
    .min(3, '用户名至少 3 个字符')
    .max(32, '用户名最多 32 个字符')
    .regex(/^[a-z0-9][a-z0-9._-]*$/, '用户名只能包含字母、数字、点、下划线和连字符'),
  displayName: z.string({ error: '请输入姓名' }).trim().min(1, '请输入姓名').max(50, '姓名最多 50 个字符'),
  role,
  password,
});

export const changeRoleSchema = z.object({ id, version, role });
export const resetPasswordSchema = z.object({ id, version, password });
export const setActiveSchema = z.object({
  id,
  version,
  active: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
