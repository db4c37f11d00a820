/**
 * <SubmissionForm>: an instrument schema (or its FieldModel) as a sectioned, validated form whose
 * submit yields the nested JSON request. Props follow RJSF's Form. A flat value map holds the values
 * (one name per field, one subscription per field; engine/ValueMap.ts says why not react-hook-form);
 * the engine (engine/FormEngine.ts) holds rows, branches, errors and "changed" tracking. Hidden
 * (condition-false) fields keep their values in the form but are left out of the request; imported
 * keys the schema lacks are listed in a notice and left out of the request.
 */
import {
  memo,
  type ReactNode,
  type Ref,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  type FieldModel,
  type JsonValue,
  jsonEquals,
  localizeModel,
  type Pointer,
  rootValueNode,
  type SchemaTranslation,
  type ValidationError,
  validationLimitation,
  withLocale,
  withModelLocale,
} from '../schemas/index';
import { LocaleContext, useT, type WidgetRegistry } from '../widgets/index';
import {
  createFormEngine,
  type DraftTexts,
  type FormEngine,
  type FormValidator,
  pathOfName,
} from './engine/FormEngine';
import { flattenValues, type NotTaken, type UnknownKey } from './engine/flattenValues';
import { importValues, type TextConversion } from './engine/importValues';
import { conditionTest, modelOf, validatorOf } from './engine/schemasBridge';
import { createValueMap } from './engine/ValueMap';
import { FormContext, type FormContextValue } from './FormContext';
import { widgetPicker } from './fields/widgetPicker';
import './formulary.css';
import { ImportNotice } from './ImportNotice';
import { type ImportOutcome, ImportPanel } from './ImportPanel';
import { whenIdle } from './idle';
import { ErrorSummary } from './layout/ErrorSummary';
import { SectionView } from './layout/SectionView';
import { sectionsOf } from './layout/sectionsOf';
import { TableOfContents } from './layout/TableOfContents';
import { UiStoreContext } from './layout/UiStoreContext';
import { createUiStore } from './layout/uiStore';
import { useRenderCount } from './renderCount';
import { SearchScope } from './search/SearchScope';

/**
 * A JSON request, as sent to the facility: an object for an object root, else the list, text, number or
 * boolean the schema's root is (issue 25). Narrow it (`isPlainObject`) before reading keys.
 */
export type SubmissionRequest = JsonValue;

/** What a parent can do with a mounted form (through `formRef`). */
export interface SubmissionFormHandle {
  /** The request for the current values (hidden fields left out); undefined while a root field is empty. O(fields). */
  getRequest(): SubmissionRequest | undefined;
  /** Full validation; shows every error. */
  validate(): readonly ValidationError[];
  /** Replaces the values with `request`; returns keys the schema does not know (also shown in a notice). */
  importRequest(request: unknown): UnknownKey[];
  /** Opens the section holding `pointer`, scrolls to it and focuses it (search, custom summaries). */
  reveal(pointer: Pointer): void;
  /** Resets every field to its default. */
  reset(): void;
  /**
   * Shows errors found elsewhere (a server's 422 `errors[]`: pointer, message, rule) beside their
   * fields and in the summary, which takes focus; each goes when its field is changed.
   */
  showErrors(errors: readonly { pointer: Pointer; message: string; rule?: string }[]): void;
}

export interface SubmissionFormProps {
  /** A bundled schema or a loadSchema result; ignored when `model` is given. */
  readonly schema?: object;
  readonly model?: FieldModel;
  /** RJSF-style uiSchema ("ui:order", "ui:widget", "ui:options", ...), merged into the schema. */
  readonly uiSchema?: Record<string, unknown>;
  /** The starting request; a new object later re-imports it (unless it is the last onChange value). */
  readonly formData?: unknown;
  /** The request after each change (coalesced to one call per task). */
  readonly onChange?: (request: SubmissionRequest | undefined) => void;
  /**
   * After each change (coalesced like onChange), the values as a draft should keep them: the request
   * plus the fields whose conditions now hide them, and the text of fields whose text is not a value
   * ("1,5" in a number field), so restoring it loses nothing the user typed.
   */
  readonly onDraftChange?: (values: SubmissionRequest | undefined, texts: DraftTexts) => void;
  /**
   * A draft's texts (onDraftChange's second argument), read once like the first formData: each field
   * shows its text again and submit is refused with its message until it is fixed.
   */
  readonly draftTexts?: DraftTexts;
  /** A valid request, on submit. */
  readonly onSubmit?: (request: SubmissionRequest) => void;
  /** Submit was refused: every error. */
  readonly onError?: (errors: readonly ValidationError[]) => void;
  /** Whether the current request is valid, checked in idle time after changes. */
  readonly onValidityChange?: (valid: boolean) => void;
  /** Keys of formData or an import that the schema does not know. */
  readonly onUnknownKeys?: (keys: readonly UnknownKey[]) => void;
  /** A widget registry (src/widgets); default: the built-in one. */
  readonly widgets?: WidgetRegistry;
  /** Overrides the validator compiled from the model (tests, custom backends). */
  readonly validator?: FormValidator;
  readonly readOnly?: boolean;
  readonly disabled?: boolean;
  /** Prefix of DOM ids (default: generated). */
  readonly idPrefix?: string;
  readonly submitLabel?: string;
  /** Show the field search box above the form (default true): / or Ctrl+K, jump, show only matches. */
  readonly search?: boolean;
  /** Show the import panel (default true). */
  readonly showImport?: boolean;
  readonly formRef?: Ref<SubmissionFormHandle>;
  /** Extra content after the submit button. */
  readonly children?: ReactNode;
  /**
   * The language of the form (BCP 47, e.g. "fr"): its words, number and date entry, validation
   * messages. Default: the translation's locale, else the model's, else English.
   */
  readonly locale?: string;
  /** The schema's text in that language (a translation file beside the schema; see localizeModel). */
  readonly translation?: SchemaTranslation;
}

let formCount = 0;

/** The submission form. Builds the model (once per schema) and mounts one form instance per model. */
export function SubmissionForm(props: SubmissionFormProps): ReactNode {
  // uiSchema is compared by content: an inline object literal must not rebuild the model (and remount
  // the form, losing what was typed) on every parent render.
  const uiKey = props.uiSchema === undefined ? '' : JSON.stringify(props.uiSchema);
  // biome-ignore lint/correctness/useExhaustiveDependencies: uiKey stands for props.uiSchema
  const base = useMemo(
    () => props.model ?? modelOf(props.schema ?? {}, props.uiSchema),
    [props.model, props.schema, uiKey],
  );
  // The model carries its language: the validator's messages follow it (createValidator).
  const model = useMemo(() => {
    const translated = props.translation ? localizeModel(base, props.translation) : base;
    return props.locale ? withModelLocale(translated, props.locale) : translated;
  }, [base, props.translation, props.locale]);
  return (
    <LocaleContext.Provider value={model.locale ?? 'en'}>
      <FormInstance key={modelKey(model)} {...props} model={model} />
    </LocaleContext.Provider>
  );
}

const modelKeys = new WeakMap<FieldModel, number>();
let modelCount = 0;
function modelKey(model: FieldModel): number {
  const known = modelKeys.get(model);
  if (known !== undefined) return known;
  const key = ++modelCount;
  modelKeys.set(model, key);
  return key;
}

type InstanceProps = SubmissionFormProps & { model: FieldModel };

/** One mounted form per model (SubmissionForm keys it by model); memo: same props, no render. */
const FormInstance = memo(function FormInstance(props: InstanceProps): ReactNode {
  useRenderCount('form');
  const { model } = props;
  // Only the first formData seeds the form; later ones are imported by the effect below.
  // biome-ignore lint/correctness/useExhaustiveDependencies: formData is read once per model on purpose
  const initial = useMemo(() => {
    let row = 0;
    const newRowId = () => `i${row++}`;
    // formData is read as an import is (text in number fields read as numbers); no formData: defaults.
    return props.formData === undefined
      ? { ...flattenValues(model, undefined, newRowId), converted: [] }
      : importValues(model, props.formData, newRowId);
  }, [model]);
  const [fallbackPrefix] = useState(() => `formulary${++formCount}-`);
  const idPrefix = props.idPrefix ?? fallbackPrefix;
  const callbacks = useRef(props);
  callbacks.current = props;

  const engine = useState<FormEngine>(() => {
    const created = createFormEngine({
      model,
      store: createValueMap(initial.values),
      validator: () => callbacks.current.validator ?? validatorOf(model),
      test: conditionTest,
      defaults: props.formData === undefined ? initial.values : undefined,
    });
    // Without formData every value is its default: nothing differs, no need to compare 1,000 values.
    if (props.formData !== undefined) created.recomputeChanged();
    return created;
  })[0];
  // Keys of formData and draft texts the schema has no place for, once per form.
  const [startUnknown] = useState<readonly UnknownKey[]>(() => [
    ...initial.unknownKeys,
    ...engine.restoreTexts(props.draftTexts ?? {}),
  ]);
  const [unknownKeys, setUnknownKeys] = useState<readonly UnknownKey[]>(startUnknown);
  const [notTaken, setNotTaken] = useState<readonly NotTaken[]>(initial.notTaken);
  const [converted, setConverted] = useState<readonly TextConversion[]>(initial.converted);
  const ui = useState(createUiStore)[0];
  const summary = useRef<HTMLDivElement>(null);
  const lastEmitted = useRef<unknown>(props.formData);

  // Compile the validator while the browser is idle, never on the first keystroke.
  useEffect(() => whenIdle(() => callbacks.current.validator ?? validatorOf(model)), [model]);

  useEffect(() => {
    if (startUnknown.length > 0) callbacks.current.onUnknownKeys?.(startUnknown);
  }, [startUnknown]);

  // A new formData from the parent (not our own onChange echo) is imported.
  useEffect(() => {
    if (props.formData === undefined || props.formData === lastEmitted.current) return;
    lastEmitted.current = props.formData;
    const {
      unknownKeys: unknown,
      notTaken: replaced,
      converted: read,
    } = engine.importRequest(props.formData);
    setUnknownKeys(unknown);
    setNotTaken(replaced);
    setConverted(read);
    if (unknown.length > 0) callbacks.current.onUnknownKeys?.(unknown);
  }, [engine, props.formData]);

  // onChange, onDraftChange and onValidityChange, coalesced: a burst of keystrokes builds each once.
  useEffect(() => {
    let queued = false;
    let cancelValidity: (() => void) | null = null;
    let lastValid: boolean | undefined;
    return engine.subscribeValues(() => {
      if ((callbacks.current.onChange || callbacks.current.onDraftChange) && !queued) {
        queued = true;
        queueMicrotask(() => {
          queued = false;
          if (callbacks.current.onChange) {
            const request = engine.request().request;
            // Text that is not yet a value ("0.2x") changes the draft, not the request: no onChange.
            if (!jsonEquals(request, lastEmitted.current)) {
              lastEmitted.current = request;
              callbacks.current.onChange(request);
            }
          }
          callbacks.current.onDraftChange?.(engine.draftValues(), engine.draftTexts());
        });
      }
      if (callbacks.current.onValidityChange) {
        cancelValidity?.();
        cancelValidity = whenIdle(() => {
          const built = engine.checkedRequest();
          const validator = callbacks.current.validator ?? validatorOf(model);
          const valid = built.problems.length === 0 && (validator?.validate(built.request).length ?? 0) === 0;
          if (valid !== lastValid) {
            lastValid = valid;
            callbacks.current.onValidityChange?.(valid);
          }
        });
      }
    });
  }, [engine, model]);

  const runImport = (request: unknown) => {
    const result = engine.importRequest(request);
    setUnknownKeys(result.unknownKeys);
    setNotTaken(result.notTaken);
    setConverted(result.converted);
    if (result.unknownKeys.length > 0) callbacks.current.onUnknownKeys?.(result.unknownKeys);
    return result;
  };
  const doImport = (request: unknown): UnknownKey[] => runImport(request).unknownKeys;
  // The import panel checks what it imported at once: an invalid request says so now, not at submit.
  const importChecked = (request: unknown): ImportOutcome => {
    const result = runImport(request);
    return {
      unknownKeys: result.unknownKeys.length,
      notTaken: result.notTaken.length,
      converted: result.converted.length,
      problems: engine.validateAll().errors.length,
    };
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: doImport only closes over stable values
  useImperativeHandle(
    props.formRef,
    () => ({
      getRequest: () => engine.request().request,
      validate: () => engine.validateAll().errors,
      importRequest: doImport,
      reveal: (pointer) => {
        const path = engine.storageOf(pointer);
        if (path !== null) engine.reveal(path);
      },
      reset: () => engine.resetWithin(['']),
      showErrors: (found) => {
        engine.showErrors(
          found.map((e) => ({ pointer: e.pointer, message: e.message, rule: e.rule ?? 'server' })),
        );
        requestAnimationFrame(() => summary.current?.focus());
      },
    }),
    [engine],
  );

  const t = useT();
  const sections = useMemo(() => sectionsOf(model, t('form.general')), [model, t]);
  // The import panel takes any JSON where the request is not an object (a list or text root).
  const objectRoot = useMemo(() => {
    const root = rootValueNode(model);
    return root.type === 'choice' || (root.type === 'group' && !root.tuple);
  }, [model]);
  // The built-in validator runs without ajv where the page forbids compiling code: say so, once.
  const limitation =
    props.validator === undefined ? withLocale(model.locale, validationLimitation) : undefined;
  const eagerCount = useMemo(() => {
    // Render the first screenful at mount (20 rows fill a 1080-pixel window); the rest when scrolled
    // near (or revealed), as transitions after the first frame.
    let fields = 0;
    let n = 0;
    for (const s of sections) {
      if (n > 0 && fields >= 20) break;
      if (!s.advanced) fields += s.rowCount;
      n++;
    }
    return n;
  }, [sections]);
  const pickWidget = useMemo(() => widgetPicker(props.widgets), [props.widgets]);
  const context = useMemo<FormContextValue>(
    () => ({
      engine,
      idPrefix,
      pickWidget,
      disabled: props.disabled === true,
      readOnly: props.readOnly === true,
    }),
    [engine, idPrefix, pickWidget, props.disabled, props.readOnly],
  );

  // Where ajv arrives later (the embed's entry script), submit waits for it: a request is never sent
  // on the TypeScript checks alone while the full ones can run. One wait at a time.
  const waitingForChecks = useRef(false);
  const [checking, setChecking] = useState(false);
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    if (props.disabled || props.readOnly || waitingForChecks.current) return;
    const pending = (callbacks.current.validator ?? validatorOf(model)).whenComplete?.();
    if (!pending) return submitChecked();
    waitingForChecks.current = true;
    setChecking(true);
    const settled = () => {
      waitingForChecks.current = false;
      setChecking(false);
      submitChecked();
    };
    void pending.then(settled, settled);
  };
  const submitChecked = () => {
    const result = engine.validateAll();
    if (result.errors.length > 0) {
      callbacks.current.onError?.(result.errors);
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    // A root field left empty has no request to send; a validator that let it pass still gets no `{}`.
    if (result.request === undefined) {
      callbacks.current.onError?.([{ pointer: '', message: t('widget.enterValue'), rule: 'required' }]);
      return;
    }
    callbacks.current.onSubmit?.(result.request);
  };

  return (
    <FormContext.Provider value={context}>
      <UiStoreContext.Provider value={ui}>
        <SearchScope enabled={props.search !== false}>
          <form
            className="formulary-form"
            noValidate
            onSubmit={onSubmit}
            aria-label={model.root.label || t('form.request')}
          >
            <ErrorSummary ref={summary} />
            {limitation !== undefined && (
              <p className="formulary-notice" role="status">
                {limitation}
              </p>
            )}
            <ImportNotice
              unknownKeys={unknownKeys}
              notTaken={notTaken}
              converted={converted}
              onDismiss={() => {
                setUnknownKeys([]);
                setNotTaken([]);
                setConverted([]);
              }}
            />
            {props.showImport !== false && !props.readOnly && !props.disabled && (
              <ImportPanel onImport={importChecked} objectRoot={objectRoot} />
            )}
            {sections.length > 1 && <TableOfContents sections={sections} />}
            {sections.map((section, i) => (
              <SectionView key={section.key} section={section} eager={i < eagerCount} />
            ))}
            <div className="formulary-actions">
              <button type="submit" disabled={props.disabled || props.readOnly}>
                {props.submitLabel ?? t('form.submit')}
              </button>
              {props.children}
            </div>
            {checking && (
              <p className="formulary-notice" role="status">
                {t('form.checking')}
              </p>
            )}
          </form>
        </SearchScope>
      </UiStoreContext.Provider>
    </FormContext.Provider>
  );
});

export { pathOfName };
