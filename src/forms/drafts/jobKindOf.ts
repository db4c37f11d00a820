/**
 * Names the kind of job a request asks for ("one reduction of several scans", "each scan alone") for
 * the outbox and the history: read from the model's job choice when there is one. Pure; never throws.
 */
import {
  type ChoiceNode,
  childPointer,
  type FieldModel,
  getAt,
  isPlainObject,
  jsonEquals,
} from '../../schemas/index';

/** The job choice's branch label for `request`, else its discriminator value, else "". O(nodes). */
export function jobKindOf(request: unknown, model?: FieldModel): string {
  if (model) {
    const choices = [...model.byPointer.values()].filter(
      (node): node is ChoiceNode => node.type === 'choice' && !node.pointer.includes('*'),
    );
    const job = choices.find((choice) => choice.key === 'job') ?? choices[0];
    if (job?.discriminator) {
      const value = getAt(request, childPointer(job.pointer, job.discriminator));
      const branch = job.branches.find((b) => jsonEquals(b.discriminatorValue, value) || b.id === value);
      if (branch) return branch.label;
      if (typeof value === 'string') return value;
    }
  }
  if (!isPlainObject(request)) return '';
  const job = request.job;
  if (typeof job === 'string') return job;
  if (isPlainObject(job)) {
    for (const key of ['kind', 'type', 'mode']) if (typeof job[key] === 'string') return job[key] as string;
  }
  return typeof request.jobKind === 'string' ? request.jobKind : '';
}
