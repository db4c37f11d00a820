/**
 * The demo portal's entry: mounts the portal into #root.
 */
import { createRoot } from 'react-dom/client';
import { Portal } from './Portal';
import './portal.css';

const root = document.getElementById('root');
if (!root) throw new Error('demo portal: #root is missing from index.html');
createRoot(root).render(<Portal />);
