'use client';
// A <select> inside a GET form that navigates as soon as the choice changes. Without JavaScript
// the form's button does the same, so the view always lives in the URL.
import type { ChangeEvent } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

export function AutoSubmitSelect({ name, label, value, options }: { name: string; label: string; value: string; options: SelectOption[] }) {
  const onChange = (e: ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const id = `select-${name}`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value} onChange={onChange}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}
