/**
 * The preview page's entry (built into dist/preview, served by `formulary preview`): connects to the
 * command's event stream and mounts the page.
 */
import { createRoot } from 'react-dom/client';
import { PreviewPage } from './PreviewPage';
import { connectPreview } from './previewConnection';
import { previewLocale } from './previewTexts';
import './preview.css';

const root = document.getElementById('root');
// Screen readers and the browser's own words (date pickers) follow the page's language.
document.documentElement.lang = previewLocale();
if (!root) throw new Error('formulary preview: #root is missing from index.html');
createRoot(root).render(<PreviewPage connection={connectPreview()} />);
