/** Boolean toggle: a labelled switch, Space toggles it, read-only refuses changes. */
import { act, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { BooleanWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

const solidAngle = fieldFixture({
  kind: 'boolean',
  key: 'useSolidAngle',
  label: 'Use solid angle correction',
});

describe('BooleanWidget', () => {
  test('a switch labelled by the field; keyboard toggles it', async () => {
    const h = renderWidget(BooleanWidget, { field: solidAngle, value: false });
    const toggle = screen.getByRole('switch', { name: /Use solid angle correction/ });
    expect(toggle).toHaveProperty('checked', false);
    expect(screen.getByText('Off')).toBeTruthy();
    await h.user.tab();
    expect(document.activeElement).toBe(toggle);
    await h.user.keyboard(' ');
    expect(h.value()).toBe(true);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('On')).toBeTruthy();
  });

  test('read-only refuses a change; disabled cannot be focused', async () => {
    const h = renderWidget(BooleanWidget, { field: solidAngle, value: true, readOnly: true });
    const toggle = screen.getByRole('switch');
    await h.user.click(toggle);
    expect(h.onChange).not.toHaveBeenCalled();
    expect(toggle).toHaveProperty('checked', true);
    expect(toggle.getAttribute('aria-readonly')).toBe('true');
    act(() => h.rerender({ readOnly: false, disabled: true }));
    expect(toggle).toHaveProperty('disabled', true);
    expect(h.container.firstElementChild?.getAttribute('data-state')).toBe('disabled');
  });

  test('an error is tied to the switch', () => {
    renderWidget(BooleanWidget, { field: solidAngle, value: true, error: 'needs a sensitivity file' });
    const toggle = screen.getByRole('switch');
    expect(toggle.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'needs a sensitivity file',
    );
  });
});
