/**
 * The five stories of one widget (default, changed, error, unset, disabled), so each widget's story
 * file is a few lines and every widget is shown in the same states.
 */
import type { StoryObj } from '@storybook/react-vite';
import type { WidgetDemo, WidgetStoryState } from './WidgetDemo';
import { widgetExamples } from './widgetFields';

type Story = StoryObj<typeof WidgetDemo>;

/** Stories of `widget` in each state, using its example field from widgetFields.ts. */
export function widgetStates(
  widget: string,
): Record<'Default' | 'Changed' | 'Error' | 'Unset' | 'Disabled', Story> {
  const example = widgetExamples[widget];
  if (!example) throw new Error(`no example field for widget "${widget}" in stories/support/widgetFields.ts`);
  const story = (state: WidgetStoryState): Story => ({ args: { widget, state, ...example } });
  return {
    Default: story('default'),
    Changed: story('changed'),
    Error: story('error'),
    Unset: story('unset'),
    Disabled: story('disabled'),
  };
}
