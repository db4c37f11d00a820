/** The portal's submission pages: the live list and one submission's page, chosen by URL hash. */
export { SubmissionPage } from './SubmissionPage';
export { SubmissionsPage } from './SubmissionsPage';
export { parseRoute, type Route, submissionHref, useHashRoute } from './useHashRoute';
