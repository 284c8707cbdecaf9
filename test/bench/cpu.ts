import fs from 'node:fs';

/** Linux's clock ticks per second for /proc/<pid>/stat times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

/** CPU time a process has used so far, in ms (user + system, with its reaped children's when asked); undefined when gone. */
export function cpuMs(pid: number, withReapedChildren = false): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const [utime, stime, cutime, cstime] = [fields[11], fields[12], fields[13], fields[14]].map(Number);
    return ((utime + stime + (withReapedChildren ? cutime + cstime : 0)) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The PostgreSQL postmaster whose command line names `dataDir`. */
export function postmasterOf(dataDir: string): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes('postgres') && cmdline.includes(dataDir)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** CPU ms of a postmaster and its backends: the living ones', and the finished ones' through the postmaster's count. */
export function postgresCpuMs(postmaster: number): number {
  let total = cpuMs(postmaster, true) ?? 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentOf(Number(entry)) !== postmaster) continue;
    total += cpuMs(Number(entry)) ?? 0;
  }
  return total;
}

/** CPU ms per process (by name) now, to subtract from a later reading. */
export type CpuReading = Record<string, number>;

export function readCpu(pids: Record<string, number>, postmaster?: number): CpuReading {
  const reading: CpuReading = {};
  for (const [name, pid] of Object.entries(pids)) reading[name] = cpuMs(pid) ?? NaN;
  if (postmaster) reading.postgres = postgresCpuMs(postmaster);
  const own = process.cpuUsage();
  reading['load generator'] = (own.user + own.system) / 1000;
  return reading;
}

/** CPU ms per request for each process between two readings, and their sum over the services (without the load generator). */
export function cpuPerRequest(
  before: CpuReading,
  after: CpuReading,
  requests: number,
): { perProcess: Record<string, number>; services: number } {
  const perProcess: Record<string, number> = {};
  let services = 0;
  for (const name of Object.keys(after)) {
    const ms = (after[name] - (before[name] ?? NaN)) / Math.max(requests, 1);
    if (Number.isNaN(ms)) continue;
    perProcess[name] = ms;
    if (name !== 'load generator') services += ms;
  }
  return { perProcess, services };
}
