/**
 * Consumer 3: a TypeScript project type-checks against the published declarations, once with
 * moduleResolution node16 (Node's own rules: full paths, `exports`) and once with bundler. skipLibCheck
 * is off, so our .d.ts files are checked too; the @ts-expect-error lines fail the check if our types
 * ever decay to `any` (an unresolved import does that silently).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, test } from 'vitest';
import { runProcess } from './runProcess';

const { react: project } = inject('packageProjects');

const consumer = `import { SubmissionForm, type SubmissionFormProps, type SubmissionRequest } from 'formulary';
import { formularyFormTag, mount } from 'formulary/embed';
import { buildFieldModel, createValidator, loadSchema, type ValidationError } from 'formulary/schemas';
import { SortedList } from 'formulary/sorted';

const model = buildFieldModel(await loadSchema('schemas/eqsans.schema.json'));
const errors: ValidationError[] = createValidator(model).validate({});
const pointers: string[] = errors.map((error) => error.pointer);
const sorted = new SortedList<number>([3, 1, 2]);

const onSubmit = (request: SubmissionRequest): void => console.log(request);
const props: SubmissionFormProps = { model, onSubmit };
export const form = <SubmissionForm {...props} submitLabel="Send" />;

// @ts-expect-error onSubmit is a function of the request, not a number
export const wrongProps: SubmissionFormProps = { model, onSubmit: 42 };
// @ts-expect-error a ValidationError has a pointer, not a path
export const wrongField = errors[0]?.path;
// @ts-expect-error mount() needs an element and its options
mount('not an element');

export { formularyFormTag, pointers, sorted };
`;

function tsconfig(resolution: 'node16' | 'bundler'): object {
  return {
    compilerOptions: {
      module: resolution === 'node16' ? 'node16' : 'esnext',
      moduleResolution: resolution,
      target: 'es2022',
      lib: ['es2023', 'dom', 'dom.iterable'],
      jsx: 'react-jsx',
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      types: [],
    },
    files: ['consumer.tsx'],
  };
}

beforeAll(() => {
  writeFileSync(join(project, 'consumer.tsx'), consumer);
  for (const resolution of ['node16', 'bundler'] as const)
    writeFileSync(
      join(project, `tsconfig.${resolution}.json`),
      JSON.stringify(tsconfig(resolution), null, 2),
    );
});

// The two checks run side by side: each is one tsc process.
describe.concurrent('the published types', () => {
  test.each(['node16', 'bundler'])('type-check with moduleResolution %s', async (resolution) => {
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    const result = await runProcess('node', [tsc, '-p', `tsconfig.${resolution}.json`], { cwd: project });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
