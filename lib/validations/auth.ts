// Sign-in form schema (shared by the login form and the signIn action).
import { z } from 'zod';

export const signInSchema = z.object({
  username: z
    .string({ error: '请输入用户名' })
    .trim()
    .min(1, '请输入用户名')
    .max(64, '用户名过长')
    .transform((s) => s.toLowerCase()),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(256, '密码过长'),
  next: z.string().max(2000).optional(),
});

export type SignInInput = z.input<typeof signInSchema>;
