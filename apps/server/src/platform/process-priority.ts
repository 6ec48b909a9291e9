import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU scheduling priority of this process to niceness `nice` (0–19; never raises it),
 * for every thread: on Linux niceness belongs to each thread, and the helper threads (garbage
 * collection, the I/O pool) exist before this runs. Threads started later inherit it. Returns the
 * number of threads changed.
 */
export function lowerProcessPriority(nice: number): number {
  let threads: number[];
  try {
    threads = readdirSync('/proc/self/task').map(Number);
  } catch {
    threads = [0]; // no /proc: the calling thread (the whole process where niceness is per process)
  }
  let changed = 0;
  for (const tid of threads)
    try {
      if (getPriority(tid) < nice) {
        setPriority(tid, nice);
        changed++;
      }
    } catch {
      // the thread ended meanwhile
    }
  return changed;
}
