/** Receiving, validating and storing requests, HTTP-free. Imported through this file only. */
export type { FieldProblem } from './FieldProblem';
export { JobActionError, JobService, type JobServiceOptions } from './JobService';
export { normaliseProposal, proposalOf } from './proposalOf';
export {
  ACCEPTED,
  type ReceivedRequest,
  type ReceiveOutcome,
  type SubmissionReceipt,
  SubmissionService,
  type SubmissionServiceOptions,
  submissionLinks,
} from './SubmissionService';
