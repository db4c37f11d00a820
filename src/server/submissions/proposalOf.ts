/**
 * The proposal (IPTS) a request names, in one spelling so listings can filter on it: 31204,
 * "31204" and "IPTS-31204" are all "IPTS-31204". Anything else is kept as written.
 */
import { getAt } from '../../schemas/index';

export function normaliseProposal(value: unknown): string | null {
  if (typeof value === 'number' && Number.isInteger(value)) return `IPTS-${value}`;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const digits = /^(?:IPTS-)?(\d+)$/i.exec(value.trim());
  return digits ? `IPTS-${digits[1]}` : value.trim();
}

export function proposalOf(request: unknown, pointer: string): string | null {
  return normaliseProposal(getAt(request, pointer));
}
