/**
 * The JSON Schemas of the API's answers: Fastify serialises with them and @fastify/swagger publishes
 * them in /api/openapi.json, so the contract is written once.
 */

export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details; every error answer has this shape.',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          pointer: { type: 'string', description: 'JSON Pointer of the field in the request' },
          label: { type: 'string', description: 'the label the form shows' },
          message: { type: 'string', description: 'the message the form shows beside the field' },
          rule: { type: 'string' },
        },
      },
    },
    line: { type: 'integer' },
    column: { type: 'integer' },
  },
  required: ['type', 'title', 'status', 'detail', 'requestId'],
} as const;

const links = {
  type: 'object',
  properties: { self: { type: 'string' }, request: { type: 'string' } },
  required: ['self', 'request'],
} as const;

export const receiptSchema = {
  $id: 'SubmissionReceipt',
  type: 'object',
  properties: {
    id: { type: 'string' },
    instrument: { type: 'string' },
    schemaVersion: { type: 'integer' },
    status: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    links,
    converted: {
      type: 'array',
      description:
        'text values read as the numbers, booleans or lists their fields want (to: null = left unset)',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, from: { type: 'string' }, to: {} },
        required: ['pointer', 'from', 'to'],
      },
    },
  },
  required: ['id', 'instrument', 'schemaVersion', 'status', 'createdAt', 'links'],
} as const;

export const submissionSummarySchema = {
  $id: 'SubmissionSummary',
  type: 'object',
  properties: {
    id: { type: 'string' },
    instrument: { type: 'string' },
    schemaVersion: { type: 'integer' },
    clientSchemaVersion: { type: 'integer' },
    defaultsRevision: {
      type: 'integer',
      description:
        'the instrument defaults revision the form started from (X-Defaults-Revision); absent when not sent',
    },
    status: { type: 'string' },
    proposal: { type: ['string', 'null'] },
    submitter: { type: ['string', 'null'] },
    idempotencyKey: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    links,
  },
  required: ['id', 'instrument', 'schemaVersion', 'status', 'createdAt', 'idempotencyKey', 'links'],
} as const;

export const instrumentSchema = {
  $id: 'Instrument',
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    kind: { type: 'string' },
    dialect: { type: 'string' },
    schemaVersion: { type: 'integer' },
    schemaUrl: { type: 'string' },
    submissionsUrl: { type: 'string' },
  },
  required: ['id', 'name', 'kind', 'dialect', 'schemaVersion', 'schemaUrl', 'submissionsUrl'],
} as const;

export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
});
