/**
 * The spreadsheet side of a list: paste rows (onto the list, or into a paste box), copy the selected
 * rows (or all) as tab-separated text with a header row, export and import CSV. A paste or import
 * first shows PastePreview; Apply is one replaceList call, undone by one undoListReplace. The paste
 * listener sits on the list's fieldset: a paste in any of its cells is seen, and a single value
 * pasted into one field is left to that field. Reading is the schemas layer's (readPastedRows).
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import {
  type ListNode,
  listToText,
  type PastedRows,
  type PasteMode,
  type PasteProblem,
  planPaste,
  readPastedRows,
  withLocale,
} from '../../schemas/index';
import { useLocale } from '../../widgets/index';
import type { ListUndo } from '../engine/ListReplace';
import type { StoragePath } from '../engine/storagePath';
import { useFormContextValue } from '../FormContext';
import { listItemsOf } from './listItemsOf';
import { PastePreview } from './PastePreview';
import { usePasteMessages } from './pasteMessages';
import { pasteRowsInput } from './pasteRowsInput';
import { type RowSelection, selectedOf } from './rowSelection';
import { useSelectedCount } from './useSelectedCount';
import './paste.css';

interface Preview {
  readonly pasted: PastedRows;
  readonly source: string;
  readonly atRow: number | undefined;
  readonly mode: PasteMode;
}

type Status =
  | {
      readonly kind: 'pasted';
      readonly undo: ListUndo;
      readonly text: string;
      readonly notRead: readonly PasteProblem[];
    }
  | { readonly kind: 'note'; readonly text: string };

const isEditable = (element: Element | null) =>
  element instanceof HTMLInputElement ||
  element instanceof HTMLTextAreaElement ||
  (element instanceof HTMLElement && element.isContentEditable);

/** Whether pasted text is rows: more than one cell, or anything pasted outside a text field. */
export function isRowsPaste(text: string, target: Element | null): boolean {
  const trimmed = text.replace(/\r?\n$/, '');
  if (trimmed.trim() === '') return false;
  return trimmed.includes('\t') || trimmed.includes('\n') || !isEditable(target);
}

export function ListTools(props: {
  node: ListNode;
  path: StoragePath;
  ids: readonly string[];
  selection: RowSelection;
}): ReactNode {
  const { node, path, ids, selection } = props;
  const { engine, disabled, readOnly } = useFormContextValue();
  const m = usePasteMessages();
  const locale = useLocale();
  const locked = disabled || readOnly;
  const selected = useSelectedCount(selection, ids);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [pasteBox, setPasteBox] = useState(false);
  const tools = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const latest = useRef({ ids, locked });
  latest.current = { ids, locked };

  const open = (text: string, source: string, atRow: number | undefined, mode?: PasteMode) => {
    // The cells' messages and the refusal in the form's language (reading is synchronous).
    const pasted = withLocale(locale, () => readPastedRows(node, text));
    const chosen: PasteMode =
      mode ?? (atRow !== undefined ? { kind: 'replaceFrom', index: atRow } : { kind: 'append' });
    setPreview({ pasted, source, atRow, mode: chosen });
    setStatus(null);
  };
  const openRef = useRef(open);
  openRef.current = open;

  const copyText = (): { text: string; count: number } => {
    const chosen = selectedOf(selection, latest.current.ids);
    const items = listItemsOf(engine, path, chosen.length > 0 ? chosen : undefined);
    return { text: listToText(node, items, '\t'), count: items.length };
  };
  const copyRef = useRef(copyText);
  copyRef.current = copyText;

  // Paste and copy on the list itself (its cells, its buttons, the table).
  useEffect(() => {
    const fieldset = tools.current?.closest('fieldset.formulary-list');
    if (!fieldset) return;
    const mine = (target: EventTarget | null) =>
      target instanceof Element &&
      target.closest('fieldset.formulary-list') === fieldset &&
      !target.closest('.formulary-paste, .formulary-list-tools__box');
    const onPaste = (event: Event) => {
      const e = event as ClipboardEvent;
      if (latest.current.locked || e.defaultPrevented || !mine(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const target = e.target as Element;
      if (!isRowsPaste(text, target)) return;
      e.preventDefault();
      const rowId = target.closest('[data-row]')?.getAttribute('data-row');
      const at = rowId ? latest.current.ids.indexOf(rowId) : -1;
      openRef.current(text, m.sourceClipboard, at >= 0 ? at : undefined);
    };
    const onCopy = (event: Event) => {
      const e = event as ClipboardEvent;
      if (e.defaultPrevented || !mine(e.target)) return;
      // Text selected in a field is the user's to copy; rows only when rows are ticked.
      if (isEditable(e.target as Element) || String(window.getSelection() ?? '') !== '') return;
      if (selectedOf(selection, latest.current.ids).length === 0 || !e.clipboardData) return;
      const { text, count } = copyRef.current();
      e.clipboardData.setData('text/plain', text);
      e.preventDefault();
      setStatus({ kind: 'note', text: m.copied(count) });
    };
    fieldset.addEventListener('paste', onPaste);
    fieldset.addEventListener('copy', onCopy);
    return () => {
      fieldset.removeEventListener('paste', onPaste);
      fieldset.removeEventListener('copy', onCopy);
    };
  }, [selection, m]);

  const plan = preview
    ? withLocale(locale, () =>
        planPaste(ids.length, preview.pasted.rows.length, preview.mode, {
          minItems: node.minItems,
          maxItems: node.maxItems,
          label: node.label,
        }),
      )
    : null;

  const apply = () => {
    if (!preview || !plan || plan.refusal) return;
    // Focus leaves the preview before it goes: Chromium removing the focused Apply button from a page
    // that just took 1,000 rows spent seconds in removeChild (bench:forms paste, CPU profile). The
    // button it rests on sits just above the preview, and the status takes focus next frame: no scroll,
    // so this focus lays out nothing (a scroll into view laid out the whole form in the click).
    tools.current?.querySelector<HTMLElement>('[data-action="paste-box"]')?.focus({ preventScroll: true });
    const undo = engine.replaceList(path, pasteRowsInput(ids, preview.pasted, plan));
    setPreview(null);
    setPasteBox(false);
    setStatus({
      kind: 'pasted',
      undo,
      text: m.pasted(plan.added, plan.replaced, plan.removed),
      notRead: preview.pasted.problems,
    });
    requestAnimationFrame(() => statusRef.current?.focus());
  };

  const copy = async () => {
    const { text, count } = copyText();
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ kind: 'note', text: m.copied(count) });
    } catch (error) {
      setStatus({ kind: 'note', text: m.copyFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  const exportCsv = () => {
    const items = listItemsOf(engine, path);
    const name = m.csvFileName(node.label);
    const url = URL.createObjectURL(
      new Blob([listToText(node, items, ',')], { type: 'text/csv;charset=utf-8' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    setStatus({ kind: 'note', text: m.exported(items.length, name) });
  };

  const importCsv = async (chosen: File | undefined) => {
    if (!chosen) return;
    try {
      open(await chosen.text(), chosen.name, undefined, { kind: 'replaceAll' });
    } catch (error) {
      setStatus({
        kind: 'note',
        text: m.readFailed(chosen.name, error instanceof Error ? error.message : String(error)),
      });
    }
    if (file.current) file.current.value = '';
  };

  return (
    <div ref={tools} className="formulary-list-tools">
      {/* biome-ignore lint/a11y/useSemanticElements: a row of buttons, named for the list it acts on */}
      <div className="formulary-list-tools__bar" role="group" aria-label={m.toolsLabel(node.label)}>
        <button
          type="button"
          data-action="paste-box"
          disabled={locked}
          onClick={() => setPasteBox((v) => !v)}
          aria-expanded={pasteBox}
        >
          {m.pasteButton}
        </button>
        <button type="button" data-action="copy-rows" disabled={ids.length === 0} onClick={() => void copy()}>
          {m.copyButton(selected)}
        </button>
        <button type="button" data-action="export-csv" onClick={exportCsv}>
          {m.exportButton}
        </button>
        <button
          type="button"
          data-action="import-csv"
          disabled={locked}
          onClick={() => file.current?.click()}
        >
          {m.importButton}
        </button>
        <input
          ref={file}
          type="file"
          accept=".csv,text/csv,text/plain"
          hidden
          aria-label={m.importFileLabel(node.label)}
          onChange={(event) => void importCsv(event.currentTarget.files?.[0])}
        />
      </div>
      {pasteBox && !preview && (
        <label className="formulary-list-tools__box">
          {m.pasteBoxLabel(node.label)}
          <textarea
            rows={3}
            // biome-ignore lint/a11y/noAutofocus: opened by the user's own click to paste into it
            autoFocus
            onPaste={(event) => {
              const text = event.clipboardData.getData('text/plain');
              if (text.trim() === '') return;
              event.preventDefault();
              open(text, m.sourceClipboard, undefined);
            }}
          />
        </label>
      )}
      {preview && plan && (
        <PastePreview
          listLabel={node.label}
          source={preview.source}
          pasted={preview.pasted}
          plan={plan}
          mode={preview.mode}
          atRow={preview.atRow}
          existing={ids.length}
          onMode={(mode) => setPreview({ ...preview, mode })}
          onApply={apply}
          onCancel={() => setPreview(null)}
        />
      )}
      {status && (
        <div ref={statusRef} className="formulary-list-tools__status" role="status" tabIndex={-1}>
          {status.text}
          {status.kind === 'pasted' && (
            <>
              {' '}
              <button
                type="button"
                data-action="undo-paste"
                onClick={() => {
                  engine.undoListReplace(status.undo);
                  setStatus({ kind: 'note', text: m.undone });
                }}
              >
                {m.undo}
              </button>
              {status.notRead.length > 0 && (
                <>
                  <span className="formulary-list-tools__not-read">{m.notRead(status.notRead.length)}</span>
                  <ul className="formulary-paste__problems">
                    {status.notRead.slice(0, 500).map((p, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole for each paste
                      <li key={i}>{m.problemLine(p.line, p.label, p.text, p.message)}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </div>
      )}
    </div>
  );
}
