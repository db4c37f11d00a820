/**
 * <formulary-form schema-src submit-url form-data-src readonly drafts draft-key schema-version
 * csrf-cookie csrf-header live-status lang translation-src messages-src>: the
 * custom element a server-rendered page uses. A thin shell over mount(): attributes become options,
 * attribute changes re-render. Safe to import where there is no DOM (Node, SSR): the class only
 * extends HTMLElement when one exists.
 */
import type { SubmissionRequest } from '../forms/index';
import { type MountedForm, mount } from './mount';

const Base: typeof HTMLElement =
  typeof HTMLElement === 'undefined' ? (class {} as unknown as typeof HTMLElement) : HTMLElement;

/** The tag name. */
export const formularyFormTag = 'formulary-form';

/** The element class; registered by defineFormularyForm(). */
export class FormularyFormElement extends Base {
  static readonly observedAttributes = [
    'schema-src',
    'submit-url',
    'form-data-src',
    'readonly',
    'drafts',
    'draft-key',
    'schema-version',
    'csrf-cookie',
    'csrf-header',
    'live-status',
    'lang',
    'translation-src',
    'messages-src',
  ];
  #mounted: MountedForm | null = null;

  connectedCallback(): void {
    if (this.#mounted) this.#mounted.update(this.#options());
    else this.#mounted = mount(this, this.#options());
  }

  disconnectedCallback(): void {
    this.#mounted?.unmount();
    this.#mounted = null;
  }

  attributeChangedCallback(): void {
    this.#mounted?.update(this.#options());
  }

  /** The request for the current values; undefined until the schema has loaded. */
  getRequest(): SubmissionRequest | undefined {
    return this.#mounted?.getRequest();
  }

  #options() {
    return {
      schemaSrc: this.getAttribute('schema-src') ?? undefined,
      submitUrl: this.getAttribute('submit-url') ?? undefined,
      formDataSrc: this.getAttribute('form-data-src') ?? undefined,
      readOnly: this.hasAttribute('readonly'),
      // After an accepted submit to a Formulary service: its jobs' live state and a link to its page.
      liveStatus: this.hasAttribute('live-status'),
      // drafts="off" (or "false") turns the draft off; any other value, or none, keeps it.
      drafts: !['off', 'false'].includes((this.getAttribute('drafts') ?? '').trim().toLowerCase()),
      draftKey: this.getAttribute('draft-key') ?? undefined,
      schemaVersion: this.getAttribute('schema-version') ?? undefined,
      // Django: csrf-cookie="csrftoken" (csrf-header defaults to X-CSRFToken), read at each submit.
      csrfCookie: this.getAttribute('csrf-cookie') ?? undefined,
      csrfHeader: this.getAttribute('csrf-header') ?? undefined,
      // lang on the element, else the nearest ancestor's (the page's <html lang>), as HTML inherits it.
      locale: this.closest('[lang]')?.getAttribute('lang') || undefined,
      translationSrc: this.getAttribute('translation-src') ?? undefined,
      messagesSrc: this.getAttribute('messages-src') ?? undefined,
    };
  }
}

/** Registers <formulary-form> once (a second call, or a second copy of the bundle, is a no-op). */
export function defineFormularyForm(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(formularyFormTag)) registry.define(formularyFormTag, FormularyFormElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'formulary-form': FormularyFormElement;
  }
}
