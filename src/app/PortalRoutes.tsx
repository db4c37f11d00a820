/**
 * The portal's pages by URL hash: the forms (Portal), "My submissions", and one submission's page.
 * The Portal stays mounted under the pages (hidden), so a half-filled form and its draft survive a
 * look at the submissions.
 */
import type { ReactNode } from 'react';
import { Portal } from './Portal';
import { SubmissionPage, SubmissionsPage, useHashRoute } from './submissions/index';

export function PortalRoutes(): ReactNode {
  const route = useHashRoute();
  return (
    <>
      <div hidden={route.page !== 'form'}>
        <Portal />
      </div>
      {route.page === 'list' && <SubmissionsPage />}
      {route.page === 'submission' && <SubmissionPage key={route.id} id={route.id} />}
    </>
  );
}
