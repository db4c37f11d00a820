/** Text, path, date-time and JSON widgets: stored as typed, placeholders, line/column JSON errors. */
import { screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DateTimeWidget, JsonWidget, PathWidget, TextWidget } from '../../src/widgets/index';
import { fieldFixture } from './fieldFixture';
import { renderWidget } from './renderWidget';

describe('TextWidget', () => {
  test('stores exactly what was typed, spaces included; shows the length limit', async () => {
    const field = fieldFixture({ kind: 'string', label: 'Output file name', maxLength: 40 });
    const h = renderWidget(TextWidget, { field, value: '' });
    const input = screen.getByLabelText(/Output file name/);
    await h.user.type(input, ' run 1 ');
    expect(h.value()).toBe(' run 1 ');
    expect(screen.getByText('at most 40 characters')).toBeTruthy();
  });

  test('empty text: "" when required, null when nullable, absent when optional', async () => {
    const field = fieldFixture({ kind: 'string', label: 'Title' });
    const h = renderWidget(TextWidget, { field: { ...field, required: false }, value: 'x' });
    await h.user.clear(screen.getByLabelText(/Title/));
    expect(h.value()).toBeUndefined();
  });
});

describe('PathWidget', () => {
  test('uses the field placeholder and points out a trailing space without trimming it', async () => {
    const field = fieldFixture({ kind: 'path', label: 'Mask file', placeholder: '/SNS/EQSANS/IPTS-…' });
    const h = renderWidget(PathWidget, { field, value: '' });
    const input = screen.getByLabelText(/Mask file/);
    expect(input.getAttribute('placeholder')).toBe('/SNS/EQSANS/IPTS-…');
    await h.user.type(input, '/SNS/EQSANS/IPTS-19800/shared/mask.nxs ');
    expect(h.value()).toBe('/SNS/EQSANS/IPTS-19800/shared/mask.nxs ');
    expect(screen.getByText('The path starts or ends with a space: is that intended?')).toBeTruthy();
  });
});

describe('DateTimeWidget', () => {
  test('accepts RFC 3339; a time without a zone is refused with the fix', async () => {
    const field = fieldFixture({ kind: 'dateTime', label: 'Start time', format: 'date-time' });
    const h = renderWidget(DateTimeWidget, { field, value: '2026-11-27T14:30:00Z' });
    const input = screen.getByLabelText(/Start time/) as HTMLInputElement;
    await h.user.clear(input);
    await h.user.click(input);
    await h.user.paste('2026-11-28T09:00:00');
    await h.user.tab();
    expect(screen.getByText(/needs a time zone: add Z for UTC/).id).toBe('f-error');
    expect(h.value()).toBe('2026-11-27T14:30:00Z');
    await h.user.type(input, 'Z');
    expect(h.value()).toBe('2026-11-28T09:00:00Z');
  });
});

describe('JsonWidget', () => {
  test('parse errors give line and column; valid JSON is stored parsed', async () => {
    const field = fieldFixture({ kind: 'json', label: 'Extra options' });
    const h = renderWidget(JsonWidget, { field, value: { a: 1 } });
    const area = screen.getByLabelText(/Extra options/) as HTMLTextAreaElement;
    expect(area.tagName).toBe('TEXTAREA');
    expect(area.value).toBe('{\n  "a": 1\n}');
    await h.user.clear(area);
    await h.user.click(area);
    await h.user.paste('{\n  "a": 1,\n  "b" 2\n}');
    await h.user.tab();
    expect(screen.getByText('Line 3, column 7: a colon is expected.')).toBeTruthy();
    expect(area.getAttribute('aria-invalid')).toBe('true');
    expect(h.value()).toEqual({ a: 1 });
    await h.user.clear(area);
    await h.user.click(area);
    await h.user.paste('{"a": [1, 2], "__proto__": {"x": 1}}');
    expect(h.value()).toEqual(JSON.parse('{"a": [1, 2], "__proto__": {"x": 1}}'));
    expect(screen.queryByText(/Line \d+/)).toBeNull();
  });
});
