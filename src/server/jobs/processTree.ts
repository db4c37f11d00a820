/**
 * Finds a job's processes in /proc (its process group, plus descendants that left the group with
 * setsid) to sum their memory and to signal them all. Linux only: where /proc is missing the memory
 * watch is off (treeMemoryBytes returns null) and signals go to the process group alone.
 */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcEntry {
  readonly pid: number;
  readonly ppid: number;
  readonly pgrp: number;
}

/** Pids of the group led by `leader` and of the leader's descendants. O(processes on the host). */
export function processTree(leader: number): number[] | null {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return null;
  }
  const entries: ProcEntry[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readStat(Number(name));
    if (entry !== undefined) entries.push(entry);
  }
  const members = new Set<number>();
  for (const e of entries) if (e.pgrp === leader || e.pid === leader) members.add(e.pid);
  // Descendants: repeat until no new child joins (the tree is shallow; a few passes at most).
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of entries) {
      if (!members.has(e.pid) && members.has(e.ppid)) {
        members.add(e.pid);
        grew = true;
      }
    }
  }
  return [...members];
}

/**
 * The leader and its descendants through /proc/<pid>/task/<tid>/children: O(tree), not O(host), so
 * it is what the memory watch reads most of the time (a full scan took 6 to 10 ms with 160 processes
 * on the 2-core test machine, 2.5 % of a core per job at one reading every 250 ms). It misses a
 * group member whose parent already ended; the watch does a full scan every few readings for those.
 * Null where the kernel has no `children` files.
 */
export function descendantTree(leader: number): number[] | null {
  const found = [leader];
  for (let i = 0; i < found.length; i++) {
    const pid = found[i]!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      if (i === 0) return [];
      continue;
    }
    for (const tid of tasks) {
      let text: string;
      try {
        text = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT' && i === 0 && tid === tasks[0]) return null;
        continue;
      }
      for (const child of text.split(' ')) if (child !== '') found.push(Number(child));
    }
  }
  return found;
}

/**
 * Resident memory of the tree in bytes, or null where /proc cannot be read. With `full`, the whole
 * host is scanned for the group's members (processTree); otherwise the descendants are walked.
 */
export function treeMemoryBytes(leader: number, full = true): number | null {
  const pids = (full ? null : descendantTree(leader)) ?? processTree(leader);
  if (pids === null) return null;
  let total = 0;
  for (const pid of pids) total += residentBytes(pid);
  return total;
}

/** Sends `signal` to the group and to every process of the tree; processes already gone are skipped. */
export function signalTree(leader: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-leader, signal);
  } catch {
    // The group is empty already.
  }
  for (const pid of processTree(leader) ?? []) {
    try {
      process.kill(pid, signal);
    } catch {
      // Gone between the listing and the signal.
    }
  }
}

/** Whether any process of the tree is still there (zombies count as gone). */
export function treeAlive(leader: number): boolean {
  const pids = processTree(leader);
  if (pids === null) {
    try {
      process.kill(-leader, 0);
      return true;
    } catch {
      return false;
    }
  }
  return pids.some((pid) => readState(pid) !== 'Z');
}

function readStat(pid: number): ProcEntry | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: the fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(fields[1]), pgrp: Number(fields[2]) };
  } catch {
    return undefined;
  }
}

function readState(pid: number): string | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3);
  } catch {
    return undefined;
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]) * 1024;
  } catch {
    return 0;
  }
}

/**
 * Whether `pid` is still the process the runner started for this attempt: its environment carries
 * the attempt's FORMULARY_JOB_ID and FORMULARY_ATTEMPT. A pid alone is not proof (pids are reused).
 */
export function isAttemptProcess(pid: number, jobId: string, attempt: number): boolean {
  try {
    const vars = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    return vars.includes(`FORMULARY_JOB_ID=${jobId}`) && vars.includes(`FORMULARY_ATTEMPT=${attempt}`);
  } catch {
    return false;
  }
}

/**
 * Group leaders on this host whose environment has `variable=value`: the task processes a worker of
 * that name started (FORMULARY_WORKER), found again after the worker itself was killed.
 */
export function groupLeadersWith(variable: string, value: string): number[] {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return [];
  }
  const wanted = `${variable}=${value}`;
  const leaders: number[] = [];
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    const entry = readStat(Number(name));
    if (entry === undefined || entry.pgrp !== entry.pid || readState(entry.pid) === 'Z') continue;
    try {
      if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(wanted)) leaders.push(entry.pid);
    } catch {
      // Gone, or not ours to read.
    }
  }
  return leaders;
}
