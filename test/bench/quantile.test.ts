import { describe, expect, it } from 'vitest';
import { quantile } from '../../bench/quantile';

describe('quantile (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 .. 1, unsorted on purpose

  it('takes the 99th of 100 samples for p99, not the largest', () => {
    expect(quantile(hundred, 0.99)).toBe(99);
    expect(quantile(hundred, 1)).toBe(100);
  });

  it('takes the lower middle for the median of an even count, and the smallest for q = 0', () => {
    expect(quantile(hundred, 0.5)).toBe(50);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
    expect(quantile(hundred, 0)).toBe(1);
  });

  it('is NaN without samples and leaves its input in order', () => {
    expect(quantile([], 0.5)).toBeNaN();
    const input = [3, 1, 2];
    quantile(input, 0.9);
    expect(input).toEqual([3, 1, 2]);
  });
});
