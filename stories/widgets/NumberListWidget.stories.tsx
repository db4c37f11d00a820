/** NumberListWidget (registry name "numberList") in each state: default, changed, error, unset, disabled. */
import type { Meta } from '@storybook/react-vite';
import { WidgetDemo } from '../support/WidgetDemo';
import { widgetStates } from '../support/widgetStates';

const meta: Meta<typeof WidgetDemo> = { title: 'Widgets/NumberListWidget', component: WidgetDemo };
export default meta;

const states = widgetStates('numberList');
export const Default = states.Default;
export const Changed = states.Changed;
export const WithError = { ...states.Error, name: 'Error' };
export const Unset = states.Unset;
export const Disabled = states.Disabled;
