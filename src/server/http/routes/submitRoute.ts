/**
 * POST /api/instruments/:id/submissions: the request as the body, Idempotency-Key and X-Schema-Version
 * required. 201 once committed; the same key and bytes again replay the first answer; other bytes
 * under the key 409; an invalid request 422 listing every field problem as the form words it.
 * The route only translates: SubmissionService decides.
 */
import type { FastifyInstance } from 'fastify';
import { changedStaffFields, decide, hasStaffFields } from '../../auth/index';
import type { DefaultsService } from '../../defaults/index';
import type { Instrument } from '../../instruments/index';
import { proposalOf, type SubmissionService } from '../../submissions/index';
import { demand, demandSignedIn } from '../guard';
import { HttpProblem, wordedProblem } from '../HttpProblem';
import { requestLocale } from '../requestLocale';
import { problemResponse } from './apiSchemas';
import { findInstrument } from './instrumentRoutes';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

function requiredHeaders(
  headers: Record<string, string | string[] | undefined>,
  instrument: Instrument,
): { key: string; version: number } {
  const key = headers['idempotency-key'];
  if (typeof key !== 'string' || key === '')
    throw new HttpProblem(
      400,
      'missing-idempotency-key',
      'Idempotency-Key required',
      'send an Idempotency-Key header (one random value per submission, the same on every retry)',
    );
  if (!KEY_PATTERN.test(key))
    throw new HttpProblem(
      400,
      'invalid-idempotency-key',
      'Invalid Idempotency-Key',
      'the Idempotency-Key must be 1 to 255 visible ASCII characters',
    );
  const raw = headers['x-schema-version'];
  if (typeof raw !== 'string' || raw === '')
    throw new HttpProblem(
      400,
      'missing-schema-version',
      'X-Schema-Version required',
      `send X-Schema-Version: the version of the ${instrument.name} schema the form used (current: ${instrument.schemaVersion})`,
    );
  const version = /^\d{1,9}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isInteger(version) || version < 1)
    throw new HttpProblem(
      400,
      'invalid-schema-version',
      'Invalid X-Schema-Version',
      `"${raw}" is not a positive integer`,
    );
  if (version > instrument.schemaVersion)
    throw new HttpProblem(
      400,
      'unknown-schema-version',
      'Unknown schema version',
      `X-Schema-Version ${version} is newer than this server's ${instrument.name} schema (version ${instrument.schemaVersion})`,
    );
  return { key, version };
}

/** X-Defaults-Revision, optional: the revision of the instrument defaults the form started from. */
function defaultsRevisionOf(headers: Record<string, string | string[] | undefined>): number | undefined {
  const raw = headers['x-defaults-revision'];
  if (raw === undefined) return undefined;
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (!/^\d{1,9}$/.test(text))
    throw new HttpProblem(
      400,
      'invalid-defaults-revision',
      'Invalid X-Defaults-Revision',
      `"${String(raw).slice(0, 40)}" is not a defaults revision (a whole number of at least 0, from GET /api/instruments/:id/defaults)`,
    );
  return Number(text);
}

export function submitRoute(
  app: FastifyInstance,
  instruments: ReadonlyMap<string, Instrument>,
  service: SubmissionService,
  defaults: DefaultsService,
): void {
  app.post<{ Params: { id: string } }>(
    '/api/instruments/:id/submissions',
    {
      schema: {
        summary: 'Submit a reduction request',
        description:
          'Validated with the same validator as the form (cross-field rules, hidden fields ignored). ' +
          'Committed before the 201. Retries with the same Idempotency-Key and body replay the first 201.',
        tags: ['submissions'],
        params: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
        headers: {
          type: 'object',
          properties: {
            'idempotency-key': { type: 'string', description: 'one random value per submission (required)' },
            'x-schema-version': { type: 'string', description: 'schema version the form used (required)' },
            'x-defaults-revision': {
              type: 'string',
              description: 'revision of the instrument defaults the form started from (optional; stored)',
            },
          },
        },
        body: { description: "the request JSON, as the instrument's form produces it" },
        response: {
          201: { $ref: 'SubmissionReceipt#' },
          400: problemResponse('Missing or bad header, malformed JSON, too deep or too many values'),
          401: problemResponse('Not signed in and no API token'),
          403: problemResponse('Not a member of the proposal the request names, nor staff of the instrument'),
          404: problemResponse('Unknown instrument'),
          409: problemResponse('The Idempotency-Key was used for another body'),
          413: problemResponse('Body over the size limit'),
          415: problemResponse('Not JSON'),
          422: problemResponse('The request does not fit the schema: errors[] lists each field'),
        },
      },
    },
    async (request, reply) => {
      const instrument = findInstrument(instruments, request.params.id);
      // Anonymous hears 401 before any header or body problem.
      demandSignedIn(request);
      const { key, version } = requiredHeaders(request.headers, instrument);
      const defaultsRevision = defaultsRevisionOf(request.headers);
      if (request.jsonText === undefined)
        throw new HttpProblem(
          415,
          'unsupported-media-type',
          'Unsupported media type',
          'send the request as application/json',
        );
      // Who may submit depends on the proposal the request names (its IPTS field), read before validation.
      const proposal = proposalOf(request.body, instrument.proposalPointer);
      demand(request, { kind: 'submit', instrument: instrument.id, proposal });
      // Staff-only fields ("x-access": "staff") keep their defaults (as staff set them) unless staff change them.
      const staffOnly = hasStaffFields(instrument.model)
        ? changedStaffFields(instrument.model, request.body, await defaults.overlayOf(instrument))
        : [];
      if (staffOnly.length > 0) {
        const decision = decide(request.principal, {
          kind: 'staff-field',
          instrument: instrument.id,
          field: staffOnly[0]!.label,
        });
        if (!decision.allow)
          throw wordedProblem(
            403,
            'staff-only-field',
            'Staff-only field changed',
            {
              key: 'problem.staffFields',
              values: {
                fields: staffOnly.map((f) => `${f.label} (${f.pointer})`).join(', '),
                instrument: instrument.id,
                count: staffOnly.length,
              },
            },
            { fields: staffOnly },
          );
      }
      const outcome = await service.receive({
        submitter: request.principal.username,
        instrument,
        idempotencyKey: key,
        clientSchemaVersion: version,
        ...(defaultsRevision !== undefined && { defaultsRevision }),
        text: request.jsonText,
        value: request.body,
        // The form's language (Accept-Language): field messages of a refusal are shown beside its fields.
        locale: requestLocale(request.headers['accept-language']),
        // Committed with the submission: a separate insert after it cost a commit per submission.
        audit: {
          actor: request.principal.username,
          address: request.ip,
          detail: { instrument: instrument.id, proposal, via: request.principal.via },
        },
      });
      switch (outcome.kind) {
        case 'created':
        case 'replayed':
          if (outcome.kind === 'replayed') reply.header('idempotent-replayed', 'true');
          request.log.info({ submission: outcome.id, replayed: outcome.kind === 'replayed' }, 'submission');
          return reply
            .code(outcome.status)
            .header('location', `/api/submissions/${outcome.id}`)
            .type('application/json; charset=utf-8')
            .send(outcome.body);
        case 'conflict':
          throw wordedProblem(
            409,
            'idempotency-key-reused',
            'Idempotency-Key already used',
            { key: 'problem.idempotencyKeyReused' },
            { submission: `/api/submissions/${outcome.submissionId}` },
          );
        case 'invalid': {
          const older = outcome.clientSchemaVersion < outcome.schemaVersion;
          const count = outcome.problems.length;
          const detail = older
            ? `made for schema version ${outcome.clientSchemaVersion}, checked against the current version ${outcome.schemaVersion}: ${count} field${count === 1 ? '' : 's'} no longer fit`
            : `${count} problem${count === 1 ? '' : 's'} in the request`;
          throw new HttpProblem(422, 'invalid-request', 'The request does not fit the schema', detail, {
            errors: outcome.problems,
            schemaVersion: outcome.schemaVersion,
            clientSchemaVersion: outcome.clientSchemaVersion,
          });
        }
      }
    },
  );
}
