/**
 * Whether this page lets scripts compile code from strings. ajv compiles each schema into a JavaScript
 * function (`new Function`), which a Content-Security-Policy without 'unsafe-eval' forbids; facility
 * sites often send such a policy. Probed once per page. In Node and on pages without that policy it is
 * always true. Under the policy the probe itself logs one violation in the browser's console.
 */
import { say } from '../i18n/activeLocale';

let allowed: boolean | undefined;

/** True when `new Function` works here (cached after the first call). O(1). */
export function codeEvaluationAllowed(): boolean {
  if (allowed === undefined) {
    try {
      allowed = new Function('return true')() === true;
    } catch {
      allowed = false;
    }
  }
  return allowed;
}

/**
 * What the form tells a user when the schema cannot be compiled here, or undefined when it can. The
 * validator then checks each field's own limits and the cross-field rules itself, without ajv.
 */
export function validationLimitation(): string | undefined {
  return codeEvaluationAllowed() ? undefined : say('validate.limitation');
}

/** For tests: forget the probe's answer, so a test can change what `new Function` does. */
export function resetCodeEvaluationProbe(): void {
  allowed = undefined;
}
