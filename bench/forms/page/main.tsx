/**
 * The form benchmark page. `?engine=formulary|rjsf|rjsf-live|rhf|rhf-controlled|formulary-in-rhf&schema=gen-1000|<instrument id>`
 * loads the schema, then waits for the driver (bench/forms/run.ts) to call window.formBench: mount,
 * focus the target field, measure keystrokes and opening an advanced section. Times are taken in the
 * page with performance.now(); the driver only sends real key and mouse input through Chromium.
 */
import { createRef, type ReactNode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import type { SubmissionFormHandle } from '../../../src/forms/index';
import { buildFieldModel, defaultsOf, loadSchema } from '../../../src/schemas/index';
import { generateFormSchema } from '../generateFormSchema';
import { Engine, type EngineInput, type EngineName, floorId } from './engines';
import { pastedRowsShown, pasteScans } from './pasteBench';
import { rhfHostTarget } from './rhfHostEngine';
import { type KeyTiming, nextFrameAfter, watchNextClick, watchNextKeystroke } from './timing';

const params = new URLSearchParams(location.search);
const engine = (params.get('engine') ?? 'formulary') as EngineName;
const schemaName = params.get('schema') ?? 'gen-100';
/** Scan rows the react-hook-form floor holds from the start (the paste measure's fair peer). */
const floorRows = Number(params.get('floorRows') ?? 0);

/** Whether the node at `pointer` and every group above it show without a condition. */
function alwaysShown(model: EngineInput['model'], pointer: string): boolean {
  const keys = pointer.split('/');
  for (let depth = 2; depth <= keys.length; depth++) {
    const node = model.byPointer.get(keys.slice(0, depth).join('/'));
    // A choice shows one branch at a time: its fields may sit in a branch that is not selected.
    if (!node || node.conditionIds.length > 0 || node.advanced || node.type === 'choice') return false;
  }
  return true;
}

/**
 * The middle plain text field of a shipped schema: not advanced, nullable (unset, its input is disabled),
 * in a list, a choice or behind a condition.
 */
function targetOf(input: Omit<EngineInput, 'formRef'>): string {
  const candidates = input.model.fields.filter(
    (field) =>
      (field.kind === 'string' || field.kind === 'path') &&
      !field.enum &&
      !field.nullable &&
      !field.pointer.includes('*') &&
      !field.pointer.startsWith('/job') &&
      alwaysShown(input.model, field.pointer),
  );
  const target = candidates[Math.floor(candidates.length / 2)];
  if (!target) throw new Error(`form bench: no text field to type into in ${schemaName}`);
  return target.pointer;
}

async function loadInput(): Promise<{ input: Omit<EngineInput, 'formRef'>; fields: number; target: string }> {
  if (schemaName.startsWith('gen-')) {
    const generated = generateFormSchema(Number(schemaName.slice(4)));
    const model = buildFieldModel(generated.schema);
    const input = {
      schema: generated.schema,
      dialect: model.dialect,
      model,
      defaults: defaultsOf(model) as Record<string, unknown>,
    };
    return { input, fields: generated.fieldCount, target: generated.targetPointer };
  }
  const loaded = await loadSchema(new URL(`schemas/${schemaName}.schema.json`, document.baseURI).href);
  const model = buildFieldModel(loaded);
  const input = {
    schema: loaded.schema,
    dialect: loaded.dialect,
    model,
    defaults: defaultsOf(model) as Record<string, unknown>,
  };
  return { input, fields: new Set(model.fields.map((f) => f.pointer)).size, target: targetOf(input) };
}

function Committed({ onCommit, children }: { onCommit: () => void; children: ReactNode }): ReactNode {
  // Once, at the first commit: the mount measure ends with the frame after it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the first commit only, by design
  useLayoutEffect(onCommit, []);
  return children;
}

/** Finds the target input of the engine on screen, rendering it first where the engine is lazy. */
async function focusTarget(
  model: EngineInput['model'],
  target: string,
  formRef: React.RefObject<SubmissionFormHandle | null>,
): Promise<void> {
  let element: HTMLElement | null = null;
  if (engine === 'formulary') {
    formRef.current?.reveal(target);
    for (let i = 0; i < 60 && !element; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      const active = document.activeElement;
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) element = active;
    }
  } else if (engine === 'formulary-in-rhf') {
    // Its section renders when scrolled near: bring it into view, then wait for the input.
    const { inputId, sectionId } = rhfHostTarget(model, target);
    document.getElementById(sectionId)?.scrollIntoView({ block: 'start' });
    for (let i = 0; i < 120 && !element; i++) {
      await new Promise((done) => requestAnimationFrame(done));
      element = document.getElementById(inputId);
    }
  } else {
    const id =
      engine === 'rhf' || engine === 'rhf-controlled' ? floorId(target) : `root${target.replace(/\//g, '_')}`;
    element = document.getElementById(id);
  }
  if (!element) throw new Error(`form bench: the target field ${target} was not found in ${engine}`);
  element.scrollIntoView({ block: 'center' });
  element.focus();
  await settled();
}

/**
 * Two frames, an idle period, then frames at the normal rate: the page has finished what scrolling to
 * the field started (a lazy engine renders the sections the jump brought into view; every engine's
 * browser paints what the scroll revealed, and holds the next frames back until it has), as it has by
 * the time a person who just clicked a field starts typing. The same wait for every engine.
 */
async function settled(): Promise<void> {
  await new Promise((done) => requestAnimationFrame(done));
  await new Promise((done) => requestAnimationFrame(done));
  await new Promise((done) => requestIdleCallback(done, { timeout: 2000 }));
  await steadyFrames();
}

/**
 * Resolves once three frames in a row each came within 20 ms of the one before (at most 60 frames).
 * While the browser is still painting newly shown content it delays the next frame, so a first
 * keystroke typed then would be timed with that paint, which is the scroll's, not the keystroke's.
 */
async function steadyFrames(): Promise<void> {
  const frame = () => new Promise<number>((done) => requestAnimationFrame(done));
  let last = await frame();
  let steady = 0;
  for (let i = 0; i < 60 && steady < 3; i++) {
    const now = await frame();
    steady = now - last < 20 ? steady + 1 : 0;
    last = now;
  }
}

async function main(): Promise<void> {
  const { input, fields, target } = await loadInput();
  const formRef = createRef<SubmissionFormHandle>();
  const container = document.getElementById('root');
  if (!container) throw new Error('form bench: #root missing');
  const root = createRoot(container);
  let pendingKey: Promise<KeyTiming> | null = null;
  let pendingClick: Promise<number | null> | null = null;
  Object.assign(window, {
    formBench: {
      fields,
      target,
      /** Render call to the first frame after the commit, in ms. */
      mount(): Promise<number> {
        return new Promise((done) => {
          const start = performance.now();
          const onCommit = () => nextFrameAfter().then((frame) => done(frame - start));
          root.render(
            <Committed onCommit={onCommit}>
              <Engine name={engine} input={{ ...input, formRef, floorRows }} />
            </Committed>,
          );
        });
      },
      focusTarget: () => focusTarget(input.model, target, formRef),
      /** Pastes `rows` scan rows into the scan list (Formulary only): see pasteBench.ts. */
      pasteScans: (rows: number, untilApplied = false) => pasteScans(formRef.current, rows, untilApplied),
      pastedRowsShown,
      armKeystroke(): void {
        pendingKey = watchNextKeystroke();
      },
      keystroke(): Promise<KeyTiming> {
        if (!pendingKey) throw new Error('form bench: keystroke() before armKeystroke()');
        return pendingKey;
      },
      /** Arms a click on the first closed advanced-section toggle; false when the engine has none. */
      armOpenSection(): boolean {
        const toggle = document.querySelector(
          'section[data-advanced="true"] .formulary-section__title button[aria-expanded="false"], .formulary-advanced[data-open="false"] > button',
        );
        if (!toggle) return false;
        toggle.setAttribute('data-bench-target', 'true');
        pendingClick = watchNextClick();
        return true;
      },
      openSection(): Promise<number | null> {
        return pendingClick ?? Promise.resolve(null);
      },
    },
  });
  document.body.dataset.ready = 'true';
}

main().catch((error: unknown) => {
  document.body.dataset.error = error instanceof Error ? error.message : String(error);
  console.error(error);
});
