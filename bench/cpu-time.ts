import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * CPU time read from the operating system (/proc), in milliseconds: steadier than requests per
 * second on a machine shared with other work. Linux's clock tick is 10 ms (USER_HZ = 100).
 */
const MS_PER_TICK = 10;

interface ProcStat {
  ppid: number;
  /** utime + stime */
  own: number;
  /** cutime + cstime: children that have exited and been waited for */
  children: number;
}

function procStat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after "(comm)": state ppid … utime(14) stime(15) cutime(16) cstime(17).
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { ppid: Number(f[1]), own: (Number(f[11]) + Number(f[12])) * MS_PER_TICK, children: (Number(f[13]) + Number(f[14])) * MS_PER_TICK };
}

/** A process's own CPU time so far (ms). */
export function processCpuMs(pid: number): number {
  return procStat(pid)?.own ?? NaN;
}

/** The CPU time of the whole machine so far, busy and total (ms, all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } {
  const [cpu] = readFileSync('/proc/stat', 'utf8').split('\n');
  const ticks = cpu.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = ticks[3] + ticks[4];
  return { busy: (total - idle) * MS_PER_TICK, total: total * MS_PER_TICK };
}

/**
 * The PostgreSQL server's CPU time (ms): its postmaster and every child process (backends,
 * background workers), plus what exited children used. Found through a backend's parent, so it
 * needs the server to run on this machine; null otherwise.
 */
export async function postgresCpuReader(databaseUrl: string): Promise<(() => number) | null> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  let postmaster: number | undefined;
  try {
    // Read while the backend lives: it exits with the connection.
    const backend: number = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    postmaster = procStat(backend)?.ppid;
  } finally {
    await client.end();
  }
  if (!postmaster) return null;
  return () => {
    const root = procStat(postmaster);
    if (!root) return NaN;
    let total = root.own + root.children;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === postmaster) total += stat.own;
    }
    return total;
  };
}
