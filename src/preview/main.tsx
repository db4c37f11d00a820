/**
 * The preview page's entry (built into dist/preview, served by `formulary preview`): connects to the
 * command's event stream and mounts the page.
 */
import { createRoot } from 'react-dom/client';
import { PreviewPage } from './PreviewPage';
import { connectPreview } from './previewConnection';
import './preview.css';

const root = document.getElementById('root');
if (!root) throw new Error('formulary preview: #root is missing from index.html');
createRoot(root).render(<PreviewPage connection={connectPreview()} />);
