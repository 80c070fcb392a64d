// Client-side helpers for admin forms: the same zod schema as the server checks the form before
// it is sent, and errors from either side land next to their field.
import { z } from 'zod';
import { adminDictionary } from '@/lib/i18n/admin';
import type { Lang } from '@/lib/i18n/dictionaries';
import { translateMessage } from '@/lib/i18n/messages';

export type FieldErrors = Record<string, string[]>;

export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0] : all;
  }
  return out;
}

/** null when valid, else { field: [messages] } (in the reader's language). */
export function clientCheck(schema: z.ZodType, form: FormData, lang: Lang = 'zh'): FieldErrors | null {
  const r = schema.safeParse(formToObject(form));
  if (r.success) return null;
  const out: FieldErrors = {};
  for (const issue of r.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : '_form';
    (out[key] ??= []).push(translateMessage(issue.message, lang));
  }
  return out;
}

/** Pickers holding typed text that names no option: the form must not save as if it were empty. */
export function unmatchedPickers(form: HTMLFormElement, lang: Lang = 'zh'): FieldErrors | null {
  const names = [...form.querySelectorAll<HTMLInputElement>('input[type="hidden"][data-unmatched]')].map((i) => i.name);
  if (names.length === 0) return null;
  return Object.fromEntries(names.map((n) => [n, [adminDictionary(lang).fields.pickFromList]]));
}
