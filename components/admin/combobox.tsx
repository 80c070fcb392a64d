'use client';
// A small searchable combobox (WAI-ARIA 1.2 pattern): type to filter by name, alias, key or
// English name; arrows move, Enter picks, Escape closes. The chosen id goes in a hidden input.
import { useId, useMemo, useRef, useState } from 'react';
import type { PickerOption } from '@/lib/data/catalog';
import s from './admin.module.css';

export function matches(o: PickerOption, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  return [o.label, ...o.terms].some((t) => t.toLowerCase().includes(needle));
}

export function Combobox({
  name, label, options, value, onChange, error, placeholder, required,
}: {
  name: string;
  label: string;
  options: PickerOption[];
  value: number | null;
  onChange?: (id: number | null) => void;
  error?: string[] | undefined;
  placeholder?: string;
  required?: boolean;
}) {
  const id = useId();
  const [selected, setSelected] = useState<number | null>(value);
  const current = options.find((o) => o.id === selected) ?? null;
  const [query, setQuery] = useState(current?.label ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const filtered = useMemo(() => {
    const q = current && query === current.label ? '' : query;
    return options.filter((o) => matches(o, q)).slice(0, 50);
  }, [options, query, current]);

  function pick(o: PickerOption | null): void {
    setSelected(o?.id ?? null);
    setQuery(o?.label ?? '');
    setOpen(false);
    onChange?.(o?.id ?? null);
  }

  const listId = `${id}-list`;
  const errId = `${id}-err`;
  return (
    <div className={`${s.field} ${s.combo}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <input type="hidden" name={name} value={selected ?? ''} />
      <input
        ref={inputRef}
        id={`${id}-input`}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && filtered[active] ? `${id}-o${filtered[active].id}` : undefined}
        aria-invalid={error?.length ? true : undefined}
        aria-describedby={error?.length ? errId : undefined}
        aria-required={required}
        autoComplete="off"
        placeholder={placeholder ?? '输入名称或别名搜索'}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (e.target.value === '') {
            setSelected(null);
            onChange?.(null);
          }
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          // Keys inside the picker must not reach the review queue's shortcuts.
          e.stopPropagation();
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, filtered.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            if (open && filtered[active]) {
              e.preventDefault();
              pick(filtered[active]);
            }
          } else if (e.key === 'Escape') {
            setOpen(false);
            setQuery(current?.label ?? '');
          }
        }}
      />
      {open && (
        <ul id={listId} role="listbox" aria-label={label} className={s.listbox}>
          {filtered.length === 0 && <li className={s.option}>无匹配项</li>}
          {filtered.map((o, k) => (
            <li
              key={o.id}
              id={`${id}-o${o.id}`}
              role="option"
              aria-selected={k === active}
              className={s.option}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(o);
              }}
            >
              <span>{o.label}</span>
              {o.hint && <small>{o.hint}</small>}
            </li>
          ))}
        </ul>
      )}
      {error?.length ? <p id={errId} className={s.error}>{error.join('；')}</p> : null}
    </div>
  );
}
