/**
 * What <formulary-form> and mount() render: fetch the schema (external refs relative to its URL) and
 * the optional prefill, then the form (EmbeddedFormBody: drafts, the POST). A failed load, or a bad
 * schema-version, is shown as a message naming the URL or attribute and what failed, never as an
 * empty box.
 */
import { type ReactNode, type Ref, useEffect, useState } from 'react';
import type { SubmissionFormHandle, SubmissionRequest, SubmitResult } from '../forms/index';
import {
  buildFieldModel,
  type FieldModel,
  fetchErrorText,
  fetchJson,
  loadErrorMessage,
  loadSchema,
  localizeModel,
  readSchemaTranslation,
  registerCatalogue,
  translate,
  withModelLocale,
} from '../schemas/index';
import { LocaleContext } from '../widgets/index';
import { EmbeddedFormBody } from './EmbeddedFormBody';
import type { CsrfOptions } from './requestHeaders';

export interface EmbeddedFormProps extends CsrfOptions {
  /** URL of the instrument schema, absolute or relative to the page. */
  readonly schemaSrc?: string;
  /** A schema object instead of a URL (its relative $refs cannot be read). */
  readonly schema?: object;
  /** URL of a request to start from. */
  readonly formDataSrc?: string;
  /** A request to start from (wins over formDataSrc). */
  readonly formData?: unknown;
  /** Where a valid request is POSTed as JSON; without it, submit only calls onSubmit. */
  readonly submitUrl?: string;
  readonly readOnly?: boolean;
  /** After an accepted submit to a Formulary service, show the live state of its jobs (attribute live-status). */
  readonly liveStatus?: boolean;
  readonly onChange?: (request: SubmissionRequest | undefined) => void;
  /** A valid request, before it is POSTed; return false to stop the POST (the page sends it itself). */
  readonly onSubmit?: (request: SubmissionRequest) => boolean;
  /** The server's answer to the POST. */
  readonly onSubmitted?: (result: SubmitResult) => void;
  readonly formRef?: Ref<SubmissionFormHandle>;
  /**
   * Keep a draft in localStorage, so a reload or a failed POST loses nothing: on unless false (and
   * never for a read-only form).
   */
  readonly drafts?: boolean;
  /**
   * Storage name of the draft. By default the schema URL, plus the prefill URL when there is one (so
   * each prefilled job keeps its own draft), plus `draftScope`.
   */
  readonly draftKey?: string;
  /**
   * Part of the default draft name that tells apart two forms of one schema on one page; mount()
   * passes the element's id.
   */
  readonly draftScope?: string;
  /**
   * Version of the schema; a draft saved under another one is fitted to this schema. 1 by default.
   * A string (the schema-version attribute) must be a whole number.
   */
  readonly schemaVersion?: number | string;
  /** The form's language (BCP 47); <formulary-form> passes its `lang`, else the page's. English by default. */
  readonly locale?: string;
  /** URL of the schema's translation into that language (keyed by field pointer; see localizeModel). */
  readonly translationSrc?: string;
  /** URL of a message catalogue for a language Formulary does not ship (one JSON file, ICU messages). */
  readonly messagesSrc?: string;
}

type Loaded =
  | { state: 'loading' }
  | { state: 'ready'; model: FieldModel; formData: unknown; schemaVersion: number }
  | { state: 'failed'; what: string; url?: string; message: string };

const absolute = (url: string): string => new URL(url, document.baseURI).href;

/** Loads the schema and the prefill; each failure names the URL it came from. O(schema size). */
async function load(props: LoadProps): Promise<Loaded> {
  const schemaVersion = props.schemaVersion === undefined ? 1 : versionOf(props.schemaVersion);
  if (schemaVersion === undefined) {
    return {
      state: 'failed',
      what: 'schema-version',
      message: translate(props.locale || 'en', 'embed.badVersion', { version: String(props.schemaVersion) }),
    };
  }
  const locale = props.locale || 'en';
  const say = (key: string, values?: Record<string, string>) => translate(locale, key, values);
  if (props.messagesSrc !== undefined) {
    const messagesUrl = absolute(props.messagesSrc);
    try {
      const messages = await fetchJson(messagesUrl);
      if (typeof messages !== 'object' || messages === null || Array.isArray(messages))
        return {
          state: 'failed',
          what: say('embed.what.messages'),
          url: messagesUrl,
          message: say('embed.messagesNotObject'),
        };
      registerCatalogue(locale, messages as Record<string, string>);
    } catch (error) {
      return {
        state: 'failed',
        what: say('embed.what.messages'),
        url: messagesUrl,
        message: fetchErrorText(error, locale),
      };
    }
  }
  let model: FieldModel;
  const schemaUrl = props.schemaSrc === undefined ? undefined : absolute(props.schemaSrc);
  try {
    if (schemaUrl !== undefined) model = buildFieldModel(await loadSchema(schemaUrl));
    else if (props.schema !== undefined) model = buildFieldModel(await loadSchema(props.schema));
    else return { state: 'failed', what: say('embed.what.schema'), message: say('embed.noSchema') };
  } catch (error) {
    return {
      state: 'failed',
      what: say('embed.what.schema'),
      url: schemaUrl,
      message: loadErrorMessage(error, locale),
    };
  }
  if (props.translationSrc !== undefined) {
    const translationUrl = absolute(props.translationSrc);
    try {
      model = localizeModel(model, readSchemaTranslation(await fetchJson(translationUrl)));
    } catch (error) {
      const at = (error as { pointer?: string }).pointer;
      // A translation file that is not shaped as one is the form author's to fix: its reason stays
      // English (as formulary lint's translation-* rules say it); a failed fetch is worded.
      return {
        state: 'failed',
        what: say('embed.what.translation'),
        url: translationUrl,
        message: at ? `${at}: ${(error as Error).message}` : fetchErrorText(error, locale),
      };
    }
  }
  // The form speaks the page's language even where the schema has no translation into it.
  if (props.locale) model = withModelLocale(model, props.locale);
  if (props.formData !== undefined || props.formDataSrc === undefined) {
    return { state: 'ready', model, formData: props.formData, schemaVersion };
  }
  const dataUrl = absolute(props.formDataSrc);
  try {
    return { state: 'ready', model, formData: await fetchJson(dataUrl), schemaVersion };
  } catch (error) {
    return {
      state: 'failed',
      what: say('embed.what.prefill'),
      url: dataUrl,
      message: fetchErrorText(error, locale),
    };
  }
}

type LoadProps = Pick<
  EmbeddedFormProps,
  | 'schemaSrc'
  | 'schema'
  | 'formDataSrc'
  | 'formData'
  | 'schemaVersion'
  | 'locale'
  | 'translationSrc'
  | 'messagesSrc'
>;

/** What a load fetches, when it is only URLs (objects are not fetched: nothing to start early). */
function loadKey(props: LoadProps): string | undefined {
  if (props.schema !== undefined || props.formData !== undefined) return undefined;
  return JSON.stringify([
    props.schemaSrc,
    props.formDataSrc,
    String(props.schemaVersion),
    props.locale,
    props.translationSrc,
    props.messagesSrc,
  ]);
}

const early = new Map<string, Promise<Loaded>>();

/**
 * Starts fetching the schema (and prefill) before React's first render, which mount() calls: the
 * schema is on its way while React starts, instead of after the first commit's effect (on the
 * throttled profile of `npm run bench:embed`, the entry's own start-up, a few hundred ms).
 */
export function loadEarly(props: LoadProps): void {
  const key = loadKey(props);
  if (key !== undefined && !early.has(key)) early.set(key, load(props));
}

function loadOnce(props: LoadProps): Promise<Loaded> {
  const key = loadKey(props);
  const started = key === undefined ? undefined : early.get(key);
  if (key !== undefined) early.delete(key);
  return started ?? load(props);
}

/** The embedded form with its loading and failure states. */
export function EmbeddedForm(props: EmbeddedFormProps): ReactNode {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const { schemaSrc, schema, formDataSrc, formData, schemaVersion, locale, translationSrc, messagesSrc } =
    props;
  const t = (key: string, values?: Record<string, string>) => translate(locale || 'en', key, values);

  useEffect(() => {
    let live = true;
    setLoaded({ state: 'loading' });
    loadOnce({
      schemaSrc,
      schema,
      formDataSrc,
      formData,
      schemaVersion,
      locale,
      translationSrc,
      messagesSrc,
    }).then((result) => live && setLoaded(result));
    return () => {
      live = false;
    };
  }, [schemaSrc, schema, formDataSrc, formData, schemaVersion, locale, translationSrc, messagesSrc]);

  if (loaded.state === 'loading') {
    return (
      <p className="formulary-embed__status" role="status">
        {t('embed.loading')}
      </p>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <div className="formulary-embed__problem" role="alert" data-testid="formulary-load-error">
        <strong>{t('embed.failed')}</strong>{' '}
        {loaded.url ? (
          <UrlInSentence
            sentence={t('embed.failedUrl', { what: loaded.what, url: URL_MARK, message: loaded.message })}
            url={loaded.url}
          />
        ) : (
          t('embed.failedWhat', { what: loaded.what, message: loaded.message })
        )}
      </div>
    );
  }
  return (
    <LocaleContext.Provider value={loaded.model.locale ?? 'en'}>
      <EmbeddedFormBody
        model={loaded.model}
        formData={loaded.formData}
        draftKey={props.drafts === false || props.readOnly ? undefined : draftKeyOf(props)}
        schemaVersion={loaded.schemaVersion}
        submitUrl={props.submitUrl === undefined ? undefined : absolute(props.submitUrl)}
        readOnly={props.readOnly}
        liveStatus={props.liveStatus}
        onChange={props.onChange}
        onSubmit={props.onSubmit}
        onSubmitted={props.onSubmitted}
        formRef={props.formRef}
        headers={props.headers}
        csrfCookie={props.csrfCookie}
        csrfHeader={props.csrfHeader}
      />
    </LocaleContext.Provider>
  );
}

/** Stands for the URL in a translated sentence, so the URL can be shown as code where it falls. */
const URL_MARK = '\u2063url\u2063';

/** A whole translated sentence with its URL in <code>, wherever the language puts it. */
function UrlInSentence({ sentence, url }: { sentence: string; url: string }): ReactNode {
  const [before, after] = sentence.split(URL_MARK);
  return (
    <>
      {before}
      <code>{url}</code>
      {after}
    </>
  );
}

/**
 * The default draft name: the schema URL (for a schema object its `$id`, else its `title`), the prefill
 * URL when there is one, and the scope (element id).
 */
function draftKeyOf(props: EmbeddedFormProps): string {
  if (props.draftKey) return props.draftKey;
  const parts = [props.schemaSrc === undefined ? inlineSchemaName(props.schema) : absolute(props.schemaSrc)];
  if (props.formDataSrc !== undefined) parts.push(absolute(props.formDataSrc));
  if (props.draftScope) parts.push(`#${props.draftScope}`);
  return parts.join(' ');
}

/**
 * A name for a schema passed as an object: its `$id` or `id`, else its `title`, so two instruments
 * mounted from objects on one page keep their own drafts. One without either is named by a hash of its
 * top-level property names: two different nameless forms on a page stay apart, and editing a
 * description or a default keeps the draft (adding or renaming a top-level property starts a new one).
 */
function inlineSchemaName(schema: object | undefined): string {
  const named = schema as { $id?: unknown; id?: unknown; title?: unknown; properties?: unknown } | undefined;
  for (const name of [named?.$id, named?.id, named?.title])
    if (typeof name === 'string' && name.trim() !== '') return `inline-schema ${name.trim()}`;
  const properties = named?.properties;
  if (properties === null || typeof properties !== 'object') return 'inline-schema';
  return `inline-schema properties ${fnv1a(Object.keys(properties).sort().join('\n'))}`;
}

/** FNV-1a, 32 bits, as 8 hex digits: a short stable name, not a security hash. O(length). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** A schema version as a number: a whole number >= 0, given as a number or as its digits; else undefined. */
function versionOf(value: number | string): number | undefined {
  const version =
    typeof value === 'number' ? value : /^\s*[0-9]+\s*$/.test(value) ? Number(value) : Number.NaN;
  return Number.isInteger(version) && version >= 0 ? version : undefined;
}
