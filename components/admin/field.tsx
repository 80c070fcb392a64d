// A labelled form field with its error message underneath (aria-describedby links them).
import type { ReactNode } from 'react';
import s from './admin.module.css';

export function FieldError({ id, errors }: { id: string; errors?: string[] | undefined }) {
  if (!errors?.length) return null;
  return <p id={id} className={s.error}>{errors.join('；')}</p>;
}

export function Field({
  label, htmlFor, errors, children, hint,
}: {
  label: string;
  htmlFor: string;
  errors?: string[] | undefined;
  children: ReactNode;
  hint?: string;
}) {
  return (
    <div className={s.field}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <span className={s.muted}>{hint}</span>}
      <FieldError id={`${htmlFor}-err`} errors={errors} />
    </div>
  );
}

/** Props for an input inside <Field>: invalid state and description. */
export function invalid(id: string, errors?: string[]): { 'aria-invalid'?: true; 'aria-describedby'?: string } {
  return errors?.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-err` } : {};
}
