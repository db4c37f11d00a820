/**
 * `formulary inspect SCHEMA`: what form a schema makes: counts of fields, groups, lists, choices,
 * advanced and nullable fields, rules and conditions, and each pointer's label (--json for machines).
 */
import type { Io } from '../Io';
import { summarizeModel } from '../summarizeModel';
import { openModelCommand } from './openModelCommand';

export const inspectHelp = `Usage: formulary inspect SCHEMA [options]

Summarises the form a schema makes: fields, groups, lists, choices, advanced and nullable fields,
cross-field rules, conditions, and the label of every pointer.

Options:
  --json          print {fields, groups, lists, choices, advanced, nullable, rules, conditions, labels}
  --config FILE   formulary.config.json (keyword aliases, acronyms for labels, ...)
  -h, --help      this help

Exit codes: 0 printed, 1 the schema does not load, 2 usage error.
`;

/** Runs `formulary inspect`; returns the exit code. */
export async function inspectCommand(args: readonly string[], io: Io): Promise<number> {
  const opened = await openModelCommand(args, io, inspectHelp, { json: { type: 'boolean' } });
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
