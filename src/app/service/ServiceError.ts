/**
 * A call to the Formulary service that was refused or failed: its HTTP status and the server's own
 * detail. Shared by every portal page that calls the service (sign-in, submissions, defaults), so
 * each can word the refusal in the reader's language by its status (serviceReason).
 */

/** A refused or failed call, with the server's own words. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    /** The server's problem+json detail (or title, or the status text), in the server's words. */
    readonly detail: string,
    /**
     * The detail is in the page's language: the service worded it from its catalogue for the
     * Accept-Language the page sent (its Content-Language says so), so the page may show it.
     */
    readonly worded = false,
  ) {
    super(`${status}: ${detail}`);
    this.name = 'ServiceError';
  }
}
