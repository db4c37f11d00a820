/**
 * The CSS text of an embedded form: widget, form and host styles as strings (Vite `?inline`), put into
 * the element's shadow root so a portal's CSS cannot reach the form and the form's cannot leak out.
 * Must not inject anything into document.head.
 */
import formCss from '../forms/formulary.css?inline';
import pasteCss from '../forms/paste/paste.css?inline';
import searchCss from '../forms/search/search.css?inline';
import widgetsCss from '../widgets/widgets.css?inline';
import hostCss from './embed.css?inline';

/** Every style an embedded form needs, host styles last so they win ties. */
export const embedCss: string = [widgetsCss, formCss, searchCss, pasteCss, hostCss].join('\n');
