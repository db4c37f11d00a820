/**
 * The demo portal's entry: mounts the portal (forms and submission pages) into #root.
 */
import { createRoot } from 'react-dom/client';
import { PortalRoutes } from './PortalRoutes';
import './portal.css';
import './submissions/submissions.css';

const root = document.getElementById('root');
if (!root) throw new Error('demo portal: #root is missing from index.html');
createRoot(root).render(<PortalRoutes />);
