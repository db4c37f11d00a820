/** Every shipped instrument schema as a form, loaded by URL like a facility page would. */
import type { Meta, StoryObj } from '@storybook/react-vite';
import { InstrumentStory } from './support/InstrumentStory';

const meta: Meta<typeof InstrumentStory> = {
  title: 'Instruments',
  component: InstrumentStory,
  parameters: { layout: 'fullscreen' },
};
export default meta;

type Story = StoryObj<typeof InstrumentStory>;

// One story per entry of src/schemas/instruments/index.ts (CSF needs static exports).
export const EQSANS: Story = { args: { instrument: 'eqsans' } };
export const POWGEN: Story = { args: { instrument: 'powder' } };
export const REF_M: Story = { args: { instrument: 'reflectometer' } };
export const BioSANS: Story = { args: { instrument: 'biosans' }, name: 'Bio-SANS' };
export const SEQUOIA: Story = { args: { instrument: 'inelastic' } };
/** Issue 29: the EQSANS form in French (catalogue fr, eqsans.fr.json beside the schema, decimal comma). */
export const EQSANS_fr: Story = { args: { instrument: 'eqsans', locale: 'fr' }, name: 'EQSANS (français)' };
