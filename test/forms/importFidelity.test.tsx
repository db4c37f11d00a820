/**
 * Issue 33, cases 1, 3, 4 and 11 (last item): an import says "Imported." only when the request was
 * taken as it is and is valid. An overflowing number (1e400) is refused with a message instead of
 * going out as null; an object where a list belongs, a string where an object belongs, a mode no
 * branch has are listed as replaced; a value of the wrong type is shown as it is, with its error and
 * the conversion where one exists; an invalid example shows its errors at once. Shipped schemas.
 */

import { readFileSync } from 'node:fs';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SubmissionForm } from '../../src/forms/index';
import { buildFieldModel, loadSchema } from '../../src/schemas/index';

afterEach(cleanup);

async function mount(instrument: string) {
  const model = buildFieldModel(await loadSchema(`src/schemas/instruments/${instrument}.schema.json`));
  const onSubmit = vi.fn();
  const user = userEvent.setup();
  render(<SubmissionForm model={model} onSubmit={onSubmit} />);
  const importText = async (json: string) => {
    await user.click(screen.getByText('Import a request (JSON)'));
    const box = screen.getByLabelText('Paste a request') as HTMLTextAreaElement;
    await user.clear(box);
    box.focus();
    await user.paste(json);
    await user.click(screen.getByRole('button', { name: 'Import pasted request' }));
    return screen
      .getAllByRole('status')
      .map((s) => s.textContent ?? '')
      .join('\n');
  };
  const notice = () => document.querySelector('.formulary-import-notice')?.textContent ?? '';
  return { user, onSubmit, importText, notice };
}

describe('case 1: an overflowing number', () => {
  test.each(['eqsans', 'powder', 'inelastic'])(
    '%s: 1e400 is refused, never sent as null',
    async (instrument) => {
      const { user, onSubmit, importText } = await mount(instrument);
      const status = await importText('{"iptsNumber":1e400,"job":{"mode":"average"}}');
      expect(status).not.toMatch(/Imported\.$/m);
      const ipts = screen.getByRole('textbox', { name: /^IPTS/ }) as HTMLInputElement;
      expect(ipts.value).not.toBe('Infinity');
      expect(ipts.getAttribute('aria-invalid')).toBe('true');
      await user.click(screen.getByRole('button', { name: 'Submit request' }));
      expect(onSubmit).not.toHaveBeenCalled();
      expect(screen.getByRole('alert').textContent).toMatch(/IPTS: .*too large to be a number/);
    },
  );
});

describe('case 3: what the defaults replaced is listed', () => {
  test('POWGEN: scans given as an object, vanadium as text, binning as a list, an unknown mode', async () => {
    const { importText, notice } = await mount('powder');
    const status = await importText(
      '{"job":{"mode":"sum","scans":{"runNumber":"58810"}},"vanadium":"none","binning":[1,2]}',
    );
    expect(status).toContain('4 values not taken as imported');
    const text = notice();
    expect(text).toContain('/job/mode = "sum": none of "average", "each_scan"');
    expect(text).toContain('/job/scans = {"runNumber":"58810"}: an object where a list belongs');
    expect(text).toContain('/vanadium = "none": text where an object belongs');
    expect(text).toContain('/binning = [1,2]: a list where an object belongs');
  });
  test('EQSANS: a bogus mode is listed, not silently each-scan', async () => {
    const { importText, notice } = await mount('eqsans');
    await importText('{"job":{"mode":"bogus_mode","scans":[{"runNumber":"100"}]}}');
    expect(notice()).toContain('/job/mode = "bogus_mode": none of');
  });
});

describe('case 4: a value of the wrong type is shown as what it is', () => {
  test('42 as a sample name, a list as a run number, an object as IPTS', async () => {
    const { user, importText, notice } = await mount('eqsans');
    await importText(
      '{"iptsNumber":{"a":1},"job":{"mode":"average","scans":[{"runNumber":[12345,12346,12347],"sampleName":42}]}}',
    );
    const name = screen.getByRole('textbox', { name: 'Sample name, row 1' }) as HTMLInputElement;
    expect(name.value).toBe('42');
    expect(name.readOnly).toBe(true);
    expect(document.getElementById(name.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Imported a number, 42, where text is expected.',
    );
    const run = screen.getByRole('textbox', { name: 'Run number, row 1' }) as HTMLInputElement;
    expect(run.value).toBe('[12345,12346,12347]');
    const ipts = screen.getByRole('textbox', { name: /^IPTS/ }) as HTMLInputElement;
    expect(ipts.value).toBe('{"a":1}');
    expect(screen.queryByDisplayValue('[object Object]')).toBeNull();
    expect(notice()).toContain('/job/scans/0/sampleName = 42: kept as imported');
    // The conversions on offer, and none for the object.
    await user.click(screen.getByRole('button', { name: 'Use "12345-12347" for Run number' }));
    await user.click(screen.getByRole('button', { name: 'Use "42" for Sample name' }));
    const scan = within(screen.getByRole('heading', { name: /^Scans/ }).closest('section')!);
    expect((scan.getByRole('textbox', { name: 'Run number, row 1' }) as HTMLInputElement).value).toBe(
      '12345-12347',
    );
    expect((scan.getByRole('textbox', { name: 'Sample name, row 1' }) as HTMLInputElement).readOnly).toBe(
      false,
    );
    expect(screen.queryByRole('button', { name: /^Use .* for IPTS/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Clear IPTS' }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: /^IPTS/ }) as HTMLInputElement).readOnly).toBe(false),
    );
  });
});

describe('case 11: an invalid example shows its errors on import', () => {
  test('EQSANS invalid example: the status counts the problems and the summary lists them', async () => {
    const { importText } = await mount('eqsans');
    const example = readFileSync('examples/eqsans/invalid-qrange-slicing-limits.json', 'utf8');
    const status = await importText(example);
    expect(status).toMatch(/Imported, but: .*\d+ problems? to fix before submitting/);
    expect(screen.getByRole('alert').hidden).toBe(false);
    expect(screen.getByRole('alert').querySelectorAll('li').length).toBeGreaterThan(0);
  });
  test('a valid example still says just "Imported."', async () => {
    const { importText } = await mount('eqsans');
    const status = await importText(
      readFileSync('examples/eqsans/average-protein-concentrations.json', 'utf8'),
    );
    expect(status).toMatch(/^Imported\.$/m);
  });
});
