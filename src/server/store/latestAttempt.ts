/**
 * The condition "this row of `job_attempts as a` is its job's latest attempt": no later attempt of the
 * same job exists. The job store (unfinished attempts at start-up) and the dispatch ledger (jobs out on
 * the cluster) both ask it, and must agree on which attempt counts.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from './Database';

export const isLatestAttempt = (eb: ExpressionBuilder<Database & { a: Database['job_attempts'] }, 'a'>) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('job_attempts as later')
        .select('later.attempt')
        .whereRef('later.job_id', '=', 'a.job_id')
        .whereRef('later.attempt', '>', 'a.attempt'),
    ),
  );
