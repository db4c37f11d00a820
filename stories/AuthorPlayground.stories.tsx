/**
 * The author playground: paste or edit a (multi-file) schema and see the form, the lint diagnostics
 * (the CLI's rules) and the live request side by side.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { AuthorPlayground } from './playground/AuthorPlayground';

const meta: Meta<typeof AuthorPlayground> = {
  title: 'Author playground',
  component: AuthorPlayground,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<typeof AuthorPlayground>;

/** A two-file schema with one missing-units warning. */
export const TwoFiles: Story = {};

/** A ref to a file that is not in the list: an unresolved-ref error at its line, and no form. */
export const MissingFile: Story = {
  args: {
    files: [
      {
        name: 'main.schema.json',
        text: '{\n  "type": "object",\n  "properties": {\n    "ipts": { "$ref": "shared.json#/definitions/ipts" }\n  }\n}\n',
      },
    ],
  },
};
