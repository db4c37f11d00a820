/**
 * Why a defaults page could not load, read its history or save, in the page's language. The pages
 * keep the error and word it when they render, as the submission pages do (serviceProblem.ts): a
 * refusal by its HTTP status, an unknown instrument and a schema that does not load by their own keys.
 */
import { loadErrorMessage, SchemaLoadError } from '../../schemas/index';
import { portalText as t } from '../portalText';
import { serviceReason } from '../service/index';
import { UnknownInstrumentError } from './loadInstrumentModel';

/** What the page was doing when `cause` happened. */
export type DefaultsStep = 'load' | 'history' | 'save';

export function defaultsProblemText(step: DefaultsStep, cause: unknown): string {
  if (cause instanceof UnknownInstrumentError)
    return t('portal.defaults.noInstrument', { instrument: cause.instrument });
  const why =
    cause instanceof SchemaLoadError
      ? loadErrorMessage(cause, document.documentElement.lang || 'en')
      : serviceReason(t, cause);
  if (step === 'history') return t('portal.defaults.historyFailed', { why });
  if (step === 'save') return t('portal.defaults.notSaved', { why });
  return t('portal.defaults.loadFailed', { why });
}
