/**
 * Reads a password for the CLI: the first line of stdin (--password-stdin, for scripts), or asked
 * twice on a terminal without echo. Never from an argument, which shell history and `ps` would keep.
 */
import { createInterface } from 'node:readline';
import type { Io } from './Io';
import { UsageError } from './UsageError';

async function firstLineOfStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

function ask(prompt: string): Promise<string> {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let prompted = false;
    output._writeToOutput = (text: string) => {
      // Show the prompt once, then nothing of what is typed.
      if (!prompted) {
        process.stderr.write(text);
        prompted = true;
      }
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write('\n');
      done(answer);
    });
  });
}

export async function readSecret(io: Io, fromStdin: boolean, prompt: string): Promise<string> {
  if (fromStdin) return firstLineOfStdin();
  if (!process.stdin.isTTY) throw new UsageError('usage.passwordStdin');
  const first = await ask(prompt);
  const again = await ask('Again: ');
  if (first !== again) {
    io.err('the two passwords differ\n');
    throw new UsageError('usage.passwordsDiffer');
  }
  return first;
}
