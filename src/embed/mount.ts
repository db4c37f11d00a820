/**
 * mount(element, options): renders an embedded form into `element`'s shadow root (styles adopted
 * there, so page CSS and form CSS do not meet) and dispatches `formulary-change` and
 * `formulary-submit` on the element. For pages that are not React; React apps use SubmissionForm.
 */
import { createElement, createRef } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { SubmissionFormHandle, SubmissionRequest, SubmitResult } from '../forms/index';
import { EmbeddedForm, type EmbeddedFormProps, loadEarly } from './EmbeddedForm';
import { embedCss } from './embedCss';

/** What mount() takes: where the schema is, where requests go, and optional callbacks. */
export type MountOptions = Omit<EmbeddedFormProps, 'formRef' | 'onSubmit'> & {
  /** Called after the `formulary-submit` event; return false to stop the POST. */
  readonly onSubmit?: (request: SubmissionRequest) => boolean | undefined;
};

/** A mounted form. */
export interface MountedForm {
  /** Re-renders with new options (a new schemaSrc reloads the form). */
  update(options: MountOptions): void;
  /** The request for the current values; undefined until the schema has loaded. */
  getRequest(): SubmissionRequest | undefined;
  /** Removes the form (the shadow root stays, empty). */
  unmount(): void;
}

/** Event names, for addEventListener on the element. */
export const changeEvent = 'formulary-change';
export const submitEvent = 'formulary-submit';
export const submittedEvent = 'formulary-submitted';

let styleSheet: CSSStyleSheet | null | undefined;

/**
 * The form's styles as one constructed stylesheet that every form on the page adopts, or null where
 * the browser cannot construct one (then each shadow root gets a <style>). A constructed sheet is not
 * an inline style: a Content-Security-Policy whose style-src lacks 'unsafe-inline' blocks a <style>
 * element but not this, so the form keeps its looks on such pages.
 */
function sharedStyleSheet(): CSSStyleSheet | null {
  if (styleSheet === undefined) {
    try {
      styleSheet = new CSSStyleSheet();
      styleSheet.replaceSync(embedCss);
    } catch {
      styleSheet = null;
    }
  }
  return styleSheet;
}

/**
 * Mounts a form into `element` (any element that can hold a shadow root: div, section, a custom element).
 * `formulary-submit` is cancelable: preventDefault() stops the POST to submitUrl.
 */
export function mount(element: Element, options: MountOptions): MountedForm {
  let shadow: ShadowRoot;
  try {
    shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  } catch (error) {
    throw new Error(
      `formulary mount(): <${element.localName}> cannot hold a shadow root (${(error as Error).message}); use a <div> or <formulary-form>`,
    );
  }
  const container = document.createElement('div');
  container.className = 'formulary-embed';
  container.setAttribute('part', 'form');
  const sheet = sharedStyleSheet();
  if (sheet) {
    shadow.adoptedStyleSheets = [sheet];
    shadow.replaceChildren(container);
  } else {
    const style = document.createElement('style');
    style.textContent = embedCss;
    shadow.replaceChildren(style, container);
  }
  loadEarly(options);
  const root: Root = createRoot(container);
  const handle = createRef<SubmissionFormHandle>();

  const render = (current: MountOptions) => {
    const props: EmbeddedFormProps = {
      // Two forms of one schema on one page keep apart drafts when their elements have ids.
      ...(element.id ? { draftScope: element.id } : {}),
      ...current,
      formRef: handle,
      onChange: (request) => {
        element.dispatchEvent(
          new CustomEvent(changeEvent, { detail: request, bubbles: true, composed: true }),
        );
        current.onChange?.(request);
      },
      onSubmit: (request) => {
        const event = new CustomEvent(submitEvent, {
          detail: request,
          bubbles: true,
          composed: true,
          cancelable: true,
        });
        const notCancelled = element.dispatchEvent(event);
        return notCancelled && current.onSubmit?.(request) !== false;
      },
      onSubmitted: (result: SubmitResult) => {
        element.dispatchEvent(
          new CustomEvent(submittedEvent, { detail: result, bubbles: true, composed: true }),
        );
        current.onSubmitted?.(result);
      },
    };
    root.render(createElement(EmbeddedForm, props));
  };
  render(options);

  return {
    update: render,
    getRequest: () => handle.current?.getRequest(),
    unmount: () => {
      root.unmount();
      container.remove();
      // Leaves the shadow root empty, as documented: no form, no styles.
      shadow.replaceChildren();
      shadow.adoptedStyleSheets = [];
    },
  };
}
