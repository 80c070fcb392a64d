'use client';
// A searchable picker built on React Aria Components' ComboBox (keyboard, focus and ARIA
// handled by the library). What is typed is either taken — the option whose name or alias is
// exactly the text — or the picker says it took nothing, and the hidden id stays empty so the
// form refuses to save instead of keeping an old choice. Matches rank exact, prefix, contains.
import { useMemo, useState } from 'react';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import type { PickerOption } from '@/lib/data/catalog';
import { adminDictionary } from '@/lib/i18n/admin';
import { fill, type Lang } from '@/lib/i18n/dictionaries';
import { exactOption, matchRank, rankOptions } from '@/lib/review/rank-options';
import s from './admin.module.css';
import r from './review.module.css';

/** Kept for callers that filter outside a picker. */
export function matches(o: PickerOption, q: string): boolean {
  return matchRank(o, q) !== null;
}

export function Combobox({
  name, label, options, value, onChange, error, placeholder, required, lang = 'zh',
}: {
  name: string;
  label: string;
  options: PickerOption[];
  value: number | null;
  onChange?: (id: number | null) => void;
  error?: string[] | undefined;
  placeholder?: string;
  required?: boolean;
  lang?: Lang;
}) {
  const t = adminDictionary(lang).fields;
  const [selected, setSelected] = useState<number | null>(value);
  const current = options.find((o) => o.id === selected) ?? null;
  const [query, setQuery] = useState(current?.label ?? '');
  const items = useMemo(() => rankOptions(options, current && query === current.label ? '' : query), [options, query, current]);
  // Typed text that names no option: said, not silently dropped.
  const unmatched = query.trim() !== '' && selected === null;

  function choose(id: number | null): void {
    setSelected(id);
    onChange?.(id);
  }

  const messages = [...(unmatched ? [fill(t.unmatched, { text: query.trim(), label: lang === 'en' ? label.toLowerCase() : label })] : []), ...(error ?? [])];
  return (
    <ComboBox
      className={`${s.field} ${r.combo}`}
      items={items}
      inputValue={query}
      selectedKey={selected}
      menuTrigger="focus"
      allowsCustomValue
      isRequired={required}
      isInvalid={messages.length > 0}
      onInputChange={(text) => {
        setQuery(text);
        const chosen = options.find((o) => o.id === selected);
        if (chosen && chosen.label === text) return;
        // Exactly a name or alias: taken. Anything else clears the choice (the form then refuses).
        choose(exactOption(options, text)?.id ?? null);
      }}
      onSelectionChange={(key) => {
        if (key === null) return;
        const o = options.find((x) => x.id === Number(key));
        if (!o) return;
        choose(o.id);
        setQuery(o.label);
      }}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <Label>{label}</Label>
      <input type="hidden" name={name} value={selected ?? ''} data-unmatched={unmatched ? '' : undefined} />
      <div className={r.comboInput}>
        <Input placeholder={placeholder ?? t.search} className={s.input} />
        <Button className={r.comboButton} aria-label={fill(t.expand, { label })}>▾</Button>
      </div>
      {messages.length > 0 && <Text slot="errorMessage" className={s.error}>{messages.join(lang === 'en' ? '; ' : '；')}</Text>}
      <Popover className={r.popover} placement="bottom start">
        <ListBox className={r.listbox} renderEmptyState={() => <span className={r.option}>{t.noMatch}</span>}>
          {(o: PickerOption) => (
            <ListBoxItem id={o.id} textValue={o.label} className={r.option}>
              <span>{o.label}</span>
              {o.hint && <small>{o.hint}</small>}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
