/**
 * The playground's "Start from" picker: the small example, or a shipped instrument's schema with the
 * files it refers to, fetched from /schemas/ (Storybook's staticDirs) into the editable file list.
 */
import { type ReactNode, useState } from 'react';
import { instrumentCatalogue } from '../../src/schemas/instruments/index';
import type { PlaygroundFile } from './analyseFiles';

export interface StartFromProps {
  readonly example: readonly PlaygroundFile[];
  readonly onLoad: (files: readonly PlaygroundFile[]) => void;
}

/** Fetches a shipped schema and every sibling file its $refs name (one level, as the shipped ones use). */
async function shippedFiles(schemaPath: string): Promise<PlaygroundFile[]> {
  const name = schemaPath.slice(schemaPath.lastIndexOf('/') + 1);
  const fetchText = async (file: string) => {
    const response = await fetch(new URL(`schemas/${file}`, document.baseURI));
    if (!response.ok) throw new Error(`schemas/${file}: HTTP ${response.status}`);
    return response.text();
  };
  const entry = { name, text: await fetchText(name) };
  const refs = new Set([...entry.text.matchAll(/"\$ref"\s*:\s*"([^"#]+)#?/g)].map((m) => m[1]!));
  const others = await Promise.all(
    [...refs].map(async (file) => ({ name: file, text: await fetchText(file) })),
  );
  return [entry, ...others];
}

/** A select that replaces the file list. */
export function StartFrom(props: StartFromProps): ReactNode {
  const [problem, setProblem] = useState<string | null>(null);
  const choose = (value: string) => {
    setProblem(null);
    const entry = instrumentCatalogue.find((i) => i.id === value);
    if (!entry) return props.onLoad(props.example);
    shippedFiles(entry.schemaPath).then(props.onLoad, (error: Error) => setProblem(error.message));
  };
  return (
    <p style={{ fontSize: 13 }}>
      <label htmlFor="playground-start">Start from </label>
      <select id="playground-start" defaultValue="example" onChange={(e) => choose(e.currentTarget.value)}>
        <option value="example">the small example</option>
        {instrumentCatalogue.map((i) => (
          <option key={i.id} value={i.id}>
            {i.name} ({i.id}.schema.json)
          </option>
        ))}
      </select>
      {problem && <span role="alert"> Could not fetch it: {problem}</span>}
    </p>
  );
}
