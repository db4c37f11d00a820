/**
 * Finding a job's processes in /proc: the walk through `children` files and the full scan of the
 * host agree on a real family of processes (a task and two grandchildren), memory is summed over
 * all of them, and one signalTree ends them all.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  descendantTree,
  processTree,
  signalTree,
  treeAlive,
  treeMemoryBytes,
} from '../../../src/server/jobs/index';
import { alive, fixture, tempDir } from './jobsTestKit';

describe('processTree', () => {
  it('finds, measures and stops a task with its grandchildren', async () => {
    const familyFile = join(tempDir(), 'family.json');
    const child = spawn(process.execPath, [fixture('family.mjs')], {
      detached: true,
      stdio: 'ignore',
      env: { FAMILY_FILE: familyFile },
    });
    const deadline = Date.now() + 20_000;
    while (!existsSync(familyFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const pids = JSON.parse(readFileSync(familyFile, 'utf8')) as number[];
    expect(pids[0]).toBe(child.pid);
    expect(new Set(descendantTree(child.pid!))).toEqual(new Set(pids));
    expect(new Set(processTree(child.pid!))).toEqual(new Set(pids));
    const walked = treeMemoryBytes(child.pid!, false)!;
    const scanned = treeMemoryBytes(child.pid!, true)!;
    // Three Node processes hold tens of MB each; both readings see all three.
    expect(walked).toBeGreaterThan(3 * 15 * 1024 * 1024);
    expect(scanned).toBeGreaterThan(3 * 15 * 1024 * 1024);
    expect(treeAlive(child.pid!)).toBe(true);
    signalTree(child.pid!, 'SIGKILL');
    while (treeAlive(child.pid!) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('gives an empty tree for a process that is gone', () => {
    expect(descendantTree(2 ** 22 + 1)).toEqual([]);
    expect(processTree(2 ** 22 + 1)).toEqual([]);
    expect(treeAlive(2 ** 22 + 1)).toBe(false);
  });
});
