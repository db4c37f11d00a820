/**
 * Receives a reduction request: validate it with the form's own validator, store it once under its
 * Idempotency-Key, answer what the client needs. Knows neither HTTP nor SQL: routes translate its
 * outcomes into statuses, the store keeps the promise that submission and key commit together.
 * A retry with the same key and the same bytes gets the first answer again; other bytes get a
 * conflict; an invalid request changes nothing (validation is deterministic, so nothing is cached).
 */
import { createHash, randomUUID } from 'node:crypto';
import { coerceTextRequest, withLocale } from '../../schemas/index';
import type { Instrument } from '../instruments/index';
import type {
  AcceptedJob,
  StoredJob,
  StoredSubmission,
  SubmissionFilter,
  SubmissionStore,
} from '../store/index';
import { type FieldProblem, fieldProblem } from './FieldProblem';
import { proposalOf } from './proposalOf';

export interface ReceivedRequest {
  readonly instrument: Instrument;
  readonly idempotencyKey: string;
  readonly clientSchemaVersion: number;
  /** X-Defaults-Revision: the instrument defaults the form's values were made against, when it says. */
  readonly defaultsRevision?: number;
  /** The body exactly as received: stored and fingerprinted. */
  readonly text: string;
  readonly value: unknown;
  /** The language of the field messages of a refusal (a tag with a catalogue); English without. */
  readonly locale?: string;
  /** Set when the service learns who sent it (the permissions issue); null until then. */
  readonly submitter?: string | null;
  /**
   * The audit entry a new submission gets (action "submit", its id as target), committed with it:
   * who sent it (`actor`, usually the submitter), from where, and what to note.
   */
  readonly audit?: {
    readonly actor: string | null;
    readonly address: string | null;
    readonly detail: object;
  };
}

export type ReceiveOutcome =
  | {
      readonly kind: 'created' | 'replayed';
      readonly status: number;
      readonly body: string;
      readonly id: string;
    }
  | { readonly kind: 'conflict'; readonly submissionId: string }
  | {
      readonly kind: 'invalid';
      readonly problems: readonly FieldProblem[];
      readonly schemaVersion: number;
      readonly clientSchemaVersion: number;
    };

export interface SubmissionServiceOptions {
  readonly store: SubmissionStore;
  /** How long a key is remembered; 24 h by default. */
  readonly keyRetentionMs?: number;
  readonly now?: () => Date;
  /**
   * The jobs a new request gets, stored with it in accept()'s one transaction (JobService.planAccepted).
   * When it throws (a job choice that cannot be planned), the submission is accepted without jobs and
   * onAccepted reports why, as before.
   */
  readonly planJobs?: (instrument: string, request: unknown) => readonly AcceptedJob[];
  /**
   * Called once a new submission is committed, before the 201 is answered: with `jobs` when they were
   * stored with it (they are handed to the dispatcher there), without for a replay or when planning
   * failed (jobs are planned, stored and queued there). A failure is the callee's to report: the
   * submission stays accepted.
   */
  readonly onAccepted?: (submission: {
    id: string;
    instrument: string;
    requestText: string;
    jobs?: readonly StoredJob[];
  }) => Promise<void>;
}

/** The 201 body: also what a replay answers, byte for byte. */
export interface SubmissionReceipt {
  readonly id: string;
  readonly instrument: string;
  readonly schemaVersion: number;
  readonly status: string;
  readonly createdAt: string;
  readonly links: { readonly self: string; readonly request: string };
  /** Text values read as the typed values their fields want (null: left unset); absent when none. */
  readonly converted?: readonly { pointer: string; from: string; to: unknown }[];
}

export const ACCEPTED = 'accepted';

export const submissionLinks = (id: string) => ({
  self: `/api/submissions/${encodeURIComponent(id)}`,
  request: `/api/submissions/${encodeURIComponent(id)}/request`,
});

export class SubmissionService {
  readonly keyRetentionMs: number;
  private readonly store: SubmissionStore;
  private readonly now: () => Date;
  private readonly onAccepted: SubmissionServiceOptions['onAccepted'];
  private readonly planJobs: SubmissionServiceOptions['planJobs'];

  constructor(options: SubmissionServiceOptions) {
    this.store = options.store;
    this.keyRetentionMs = options.keyRetentionMs ?? 24 * 3600_000;
    this.now = options.now ?? (() => new Date());
    this.onAccepted = options.onAccepted;
    this.planJobs = options.planJobs;
  }

  /**
   * Validates and stores one request. O(request size + rules); one transaction that holds the
   * submission, its key and its queued jobs (and tells a held key: then the first answer is replayed
   * or a conflict told); a key read only for an invalid request.
   */
  async receive(input: ReceivedRequest): Promise<ReceiveOutcome> {
    const { instrument } = input;
    const at = this.now();
    const now = at.toISOString();
    const fingerprint = createHash('sha256')
      .update(instrument.id)
      .update('\u0000')
      .update(input.text)
      .digest('base64url');

    // Text where the schema wants a number, a boolean or a list of numbers ("12", "true", "-30, 60",
    // "" for unset), as older tools write requests, is read with the form's own parsers; the typed
    // request is what is stored and run, and the receipt lists each conversion. Read only: no copy of
    // a request that is typed already.
    const read = withLocale(input.locale, () =>
      coerceTextRequest(instrument.model, input.value, { copy: 'whenConverted' }),
    );
    const typed = read.converted.length > 0;
    const value = read.request;
    const requestText = typed ? JSON.stringify(value) : input.text;
    const errors = withLocale(input.locale, () => instrument.validator.validate(value));
    if (errors.length > 0) {
      // A retry of a request accepted before (under a schema that has changed since) is answered as
      // it was, and other bytes under a used key are a conflict, invalid or not: the key decides first.
      const known = await this.store.findKey(input.idempotencyKey, now);
      if (known) return this.replay(this.answerFor(known, fingerprint), instrument.id);
      return {
        kind: 'invalid',
        problems: errors.map((e) => fieldProblem(instrument.model, e)),
        schemaVersion: instrument.schemaVersion,
        clientSchemaVersion: input.clientSchemaVersion,
      };
    }

    const id = randomUUID();
    const receipt: SubmissionReceipt = {
      id,
      instrument: instrument.id,
      schemaVersion: instrument.schemaVersion,
      status: ACCEPTED,
      createdAt: now,
      links: submissionLinks(id),
      ...(typed && {
        converted: read.converted.map(({ pointer, from, to }) => ({ pointer, from, to: to ?? null })),
      }),
    };
    const body = JSON.stringify(receipt);
    // Planned from the request as stored (text-typed values already read), as a replay would: `value`
    // is that request (the body as parsed, or its typed copy), so it is not parsed a second time.
    let jobs: readonly AcceptedJob[] | undefined;
    try {
      jobs = this.planJobs?.(instrument.id, value);
    } catch {
      jobs = undefined; // onAccepted plans again and reports the error
    }
    const outcome = await this.store.accept(
      {
        id,
        instrument: instrument.id,
        schemaVersion: instrument.schemaVersion,
        clientSchemaVersion: input.clientSchemaVersion,
        status: ACCEPTED,
        proposal: proposalOf(value, instrument.proposalPointer),
        submitter: input.submitter ?? null,
        idempotencyKey: input.idempotencyKey,
        requestText,
        createdAt: now,
        ...(input.defaultsRevision !== undefined && { defaultsRevision: input.defaultsRevision }),
      },
      {
        key: input.idempotencyKey,
        fingerprint,
        submissionId: id,
        responseStatus: 201,
        responseBody: body,
        createdAt: now,
        expiresAt: new Date(at.getTime() + this.keyRetentionMs).toISOString(),
      },
      now,
      {
        ...(jobs === undefined ? {} : { jobs }),
        ...(input.audit && {
          audit: {
            time: now,
            actor: input.audit.actor,
            action: 'submit',
            target: id,
            address: input.audit.address,
            outcome: 'ok',
            detail: JSON.stringify(input.audit.detail),
          },
        }),
      },
    );
    // The key is held (a retry, or another body under it): accept() wrote nothing. This is where a
    // valid request learns of its key: a read before validating cost every new submission a query.
    if (outcome.kind === 'keyTaken')
      return this.replay(this.answerFor(outcome.record, fingerprint), instrument.id);
    await this.onAccepted?.({
      id,
      instrument: instrument.id,
      requestText,
      ...(jobs === undefined ? {} : { jobs: outcome.jobs }),
    });
    return { kind: 'created', status: 201, body, id };
  }

  /** The floor of the benchmark: parse and insert, no validation, no key. Never routed in production. */
  async storeUnchecked(instrument: Instrument, text: string, value: unknown): Promise<string> {
    const id = randomUUID();
    await this.store.insertBare({
      id,
      instrument: instrument.id,
      schemaVersion: instrument.schemaVersion,
      clientSchemaVersion: instrument.schemaVersion,
      status: ACCEPTED,
      proposal: proposalOf(value, instrument.proposalPointer),
      submitter: null,
      idempotencyKey: id,
      requestText: text,
      createdAt: this.now().toISOString(),
    });
    return id;
  }

  /** Forgets keys older than the retention; returns how many. */
  purgeExpiredKeys(): Promise<number> {
    return this.store.purgeExpiredKeys(this.now().toISOString());
  }

  get(id: string): Promise<StoredSubmission | undefined> {
    return this.store.get(id);
  }

  /** Newest first; `beforeSeq` continues a listing. */
  list(filter: SubmissionFilter): Promise<StoredSubmission[]> {
    return this.store.list(filter);
  }

  /**
   * A replay is the client retrying because it never saw the 201, perhaps because the server stopped
   * between committing the submission and storing its jobs: the jobs are started again (startJobs
   * reuses stored jobs and queues only those never queued), so that gap heals on the retry.
   */
  private async replay(outcome: ReceiveOutcome, instrument: string): Promise<ReceiveOutcome> {
    if (outcome.kind !== 'replayed' || outcome.id === undefined) return outcome;
    // The jobs come from the request as stored (text-typed values already read), not the retry's bytes.
    const stored = await this.store.get(outcome.id);
    if (stored) await this.onAccepted?.({ id: outcome.id, instrument, requestText: stored.requestText });
    return outcome;
  }

  private answerFor(
    record: { fingerprint: string; responseStatus: number; responseBody: string; submissionId: string },
    fingerprint: string,
  ): ReceiveOutcome {
    if (record.fingerprint !== fingerprint) return { kind: 'conflict', submissionId: record.submissionId };
    return {
      kind: 'replayed',
      status: record.responseStatus,
      body: record.responseBody,
      id: record.submissionId,
    };
  }
}
