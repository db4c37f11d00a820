/**
 * A facility's files in a consumer project, as the README's blocks expect them: its schemas (here the
 * shipped EQSANS schema and the common.json it $refs) in schemas/, requests to check in requests/.
 */
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const validRequest = 'requests/eqsans-run.json';
export const invalidRequest = 'requests/eqsans-invalid.json';

/** Copies them from the installed package into `project` (again on each call: cheap, idempotent). */
export function addFacilityFiles(project: string): void {
  const shipped = join(project, 'node_modules/formulary');
  mkdirSync(join(project, 'schemas'), { recursive: true });
  mkdirSync(join(project, 'requests'), { recursive: true });
  for (const file of ['eqsans.schema.json', 'common.json'])
    cpSync(join(shipped, 'src/schemas/instruments', file), join(project, 'schemas', file));
  cpSync(join(shipped, 'examples/eqsans/average-protein-concentrations.json'), join(project, validRequest));
  cpSync(join(shipped, 'examples/eqsans/invalid-qrange-slicing-limits.json'), join(project, invalidRequest));
}
