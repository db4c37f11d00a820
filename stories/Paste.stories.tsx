/**
 * Paste a sample list: SEQUOIA's form beside a planned-in-a-spreadsheet sample list to copy (with a
 * header row, a unit in a header, a run range, and one cell that cannot be read). Paste it onto the
 * scan table (or its "Paste rows…" box) to see the preview, Apply, Undo, copy rows out and CSV.
 */
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ReactNode } from 'react';
import { InstrumentStory } from './support/InstrumentStory';

/** A spreadsheet's copy: tab-separated, a header row, "warm" is no temperature. */
const SAMPLE_LIST = [
  'Run number\tTemperature (K)\tSample rotation (degrees)\tLabel',
  '130500-130504\t5\t-30\tcold, rotation A',
  '130505-130509\t5\t0\tcold, rotation B',
  '130510\twarm\t30\tcheck the log',
  '130511,130513\t300 K\t\troom temperature',
].join('\n');

function PasteStory(): ReactNode {
  return (
    <div>
      <label style={{ display: 'block', marginBottom: '1rem' }}>
        A sample list from a spreadsheet: copy it, then paste onto the Scans table (or into its “Paste rows…”
        box)
        <textarea
          readOnly
          data-testid="sample-list"
          value={SAMPLE_LIST}
          rows={6}
          style={{ display: 'block', width: '100%', fontFamily: 'monospace', tabSize: 16 }}
        />
      </label>
      <InstrumentStory instrument="inelastic" />
    </div>
  );
}

const meta: Meta<typeof PasteStory> = {
  title: 'Paste a sample list',
  component: PasteStory,
  parameters: { layout: 'fullscreen' },
};
export default meta;

export const SEQUOIA_scans: StoryObj<typeof PasteStory> = { name: 'SEQUOIA scans' };
