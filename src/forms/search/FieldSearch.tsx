/**
 * The form's search box: press / or Ctrl+K, type, and the matching fields are listed with their
 * section path, units and current value, matched words marked. Enter or a click jumps to the field
 * (opening its branch and section); "Show only matches" filters the form; Esc restores the view.
 * A sort control lists fields by relevance or an ordering. The index is built once per model, in idle
 * time after mount or when the box is first used (useFieldIndex).
 */

import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { type OrderingName, parseQuery, type SearchEntry } from '../../schemas/index';
import { useT } from '../../widgets/index';
import { fieldName } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';
import { Highlighted } from './Highlighted';
import { type BranchSwitch, jumpToField, oneEntryPerField, targetPath } from './jumpToField';
import type { SearchFilter } from './SearchFilter';
import { useFieldIndex } from './useFieldIndex';
import { useFieldOrderings } from './useFieldOrderings';
import './search.css';

/** Results listed at most (the count says how many matched in all). */
const LIMIT = 50;

export type SearchSort = 'relevance' | OrderingName;

/** The sort orders, in the order the select lists them (words: search.sort.<name>). */
const sorts: readonly SearchSort[] = ['relevance', 'schema', 'label', 'changedFirst', 'errorsFirst'];

/** A short display of a stored value. */
function showValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function FieldSearch({ filter }: { filter: SearchFilter }): ReactNode {
  const { engine, idPrefix } = useFormContextValue();
  const t = useT();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const index = useFieldIndex(engine, open || text !== '');
  const [onlyMatches, setOnlyMatches] = useState(false);
  const [sort, setSort] = useState<SearchSort>('relevance');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const id = useId();
  const listId = `${id}-results`;
  const { orderings, synced } = useFieldOrderings(
    engine,
    index,
    open && (sort === 'changedFirst' || sort === 'errorsFirst'),
  );

  const query = useMemo(() => parseQuery(text), [text]);
  const allHits = useMemo(() => index?.search(query) ?? [], [index, query]);
  // A field both job modes share is one result, not two (the second would switch the mode).
  const hits = useMemo(() => {
    const kept = new Set(
      oneEntryPerField(
        engine,
        allHits.map((h) => h.entry),
      ),
    );
    return allHits.filter((h) => kept.has(h.entry));
  }, [engine, allHits]);
  // The branches the last jump switched to show its field: said, with undo.
  const [switched, setSwitched] = useState<{ switches: BranchSwitch[]; field: string } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: synced marks a change inside orderings
  const listed: SearchEntry[] = useMemo(() => {
    if (!orderings) return [];
    if (query.words.length === 0)
      return sort === 'relevance' ? [] : oneEntryPerField(engine, orderings.list(sort, 0, LIMIT));
    const sorted = sort === 'relevance' ? hits : orderings.sort(hits, sort);
    return sorted.slice(0, LIMIT).map((h) => h.entry);
  }, [hits, query, sort, orderings, synced]);

  // "Show only matches" follows the query as it is typed.
  useEffect(() => {
    filter.show(onlyMatches && query.words.length > 0 ? hits.map((h) => h.entry.pointer) : null);
  }, [filter, onlyMatches, hits, query]);
  useEffect(() => () => filter.show(null), [filter]);

  // "/" (outside a text input) and Ctrl+K / Cmd+K focus the box from anywhere on the page.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const slash = event.key === '/' && !isTyping(event.target) && !event.ctrlKey && !event.metaKey;
      const ctrlK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
      if (!slash && !ctrlK) return;
      event.preventDefault();
      if (document.activeElement !== input.current) returnTo.current = document.activeElement as HTMLElement;
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const jump = (entry: SearchEntry) => {
    setOpen(false);
    returnTo.current = null;
    const { switched: switches } = jumpToField(engine, idPrefix, entry);
    setSwitched(switches.length > 0 ? { switches, field: entry.field.label } : null);
  };

  const undoSwitch = () => {
    if (!switched) return;
    for (const s of [...switched.switches].reverse()) engine.selectBranch(s.choice, s.from);
    const first = switched.switches[0];
    setSwitched(null);
    if (first) engine.reveal(first.choice);
  };

  const restore = () => {
    setText('');
    setOnlyMatches(false);
    setOpen(false);
    const back = returnTo.current;
    returnTo.current = null;
    if (back?.isConnected) back.focus();
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const n = listed.length;
      if (n > 0) setActive((a) => (a + (event.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const entry = listed[Math.min(active, listed.length - 1)];
      if (entry) jump(entry);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      restore();
    }
  };

  const showList = open && listed.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const count = query.words.length === 0 ? null : hits.length;
  return (
    <search className="formulary-search" aria-label={t('search.fields')}>
      <label htmlFor={`${id}-input`} className="formulary-search__label">
        {t('search.find')}
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList ? optionId(Math.min(active, listed.length - 1)) : undefined}
        aria-keyshortcuts="/ Control+K"
        placeholder={t('search.placeholder')}
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <label className="formulary-search__only">
        <input
          type="checkbox"
          checked={onlyMatches}
          onChange={(e) => setOnlyMatches(e.currentTarget.checked)}
        />
        {t('search.onlyMatches')}
      </label>
      <label className="formulary-search__sort">
        {t('search.sort')}
        <select
          value={sort}
          onChange={(e) => {
            setSort(e.currentTarget.value as SearchSort);
            setActive(0);
          }}
        >
          {sorts.map((s) => (
            <option key={s} value={s}>
              {t(`search.sort.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="formulary-visually-hidden" aria-live="polite">
        {count === null ? '' : t('search.count', { count })}
      </p>
      {switched && (
        <p className="formulary-search__switched" role="status">
          {t('search.switched', {
            field: switched.field,
            changes: switched.switches
              .map((s) => t('search.switch', { choice: s.choiceLabel, from: s.fromLabel, to: s.toLabel }))
              .join('; '),
          })}{' '}
          <button type="button" onClick={undoSwitch}>
            {t('search.undo')}
          </button>{' '}
          <button type="button" onClick={() => setSwitched(null)}>
            {t('search.keep')}
          </button>
        </p>
      )}
      <div
        id={listId}
        role="listbox"
        aria-label={t('search.matching')}
        className="formulary-search__results"
        hidden={!showList}
      >
        {showList &&
          listed.map((entry, i) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keys (aria-activedescendant)
            <div
              key={entry.position}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === active}
              className="formulary-search__result"
              data-pointer={entry.pointer}
              // Keep focus in the box until the click lands, so blur does not close the list first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => jump(entry)}
            >
              <span>
                <span className="formulary-search__result-label">
                  <Highlighted text={entry.field.label} query={query} />
                </span>
                {entry.field.units && <span className="formulary-search__units"> ({entry.field.units})</span>}
              </span>
              <span className="formulary-search__trail">
                {[...entry.trail, ...(entry.advanced ? [t('search.advanced')] : [])].join(' › ') ||
                  t('form.general')}
              </span>
              <span className="formulary-search__value">
                {showValue(engine.read(fieldName(targetPath(engine, entry.pointer))))}
              </span>
            </div>
          ))}
      </div>
    </search>
  );
}
