/** Every story gets the widget and form styles, as a page using the library would. */
import type { Preview } from '@storybook/react-vite';
import '../src/widgets/widgets.css';
import '../src/forms/formulary.css';

const preview: Preview = {
  parameters: { layout: 'padded', controls: { expanded: true } },
};

export default preview;
