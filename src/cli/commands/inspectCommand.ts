/**
 * `formulary inspect SCHEMA`: what form a schema makes: counts of fields, groups, lists, choices,
 * advanced and nullable fields, rules and conditions, and each pointer's label (--json for machines).
 */

import { helpText } from '../cliHelp';
import type { Io } from '../Io';
import { summarizeModel } from '../summarizeModel';
import { openModelCommand } from './openModelCommand';

/** The English help (tests and docs quote it); `--help` prints helpText('inspect') in the CLI's language. */
export const inspectHelp = helpText('inspect', 'en');

/** Runs `formulary inspect`; returns the exit code. */
export async function inspectCommand(args: readonly string[], io: Io): Promise<number> {
  const opened = await openModelCommand(args, io, helpText('inspect'), { json: { type: 'boolean' } });
  if (typeof opened === 'number') return opened;
  const summary = summarizeModel(opened.model);
  if (opened.values.json) {
    io.out(`${JSON.stringify(summary, null, 2)}\n`);
    return 0;
  }
  const { labels, ...counts } = summary;
  const lines = [`${opened.schemaPath} (${opened.model.dialect})`];
  for (const [name, n] of Object.entries(counts)) lines.push(`  ${name.padEnd(11)} ${n}`);
  lines.push('', 'Labels:');
  const width = Math.min(48, Math.max(...Object.keys(labels).map((p) => p.length), 0));
  for (const [pointer, label] of Object.entries(labels)) lines.push(`  ${pointer.padEnd(width)}  ${label}`);
  io.out(`${lines.join('\n')}\n`);
  return 0;
}
