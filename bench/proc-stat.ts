/**
 * CPU times from a Linux `/proc/<pid>/stat` line, in seconds. The benchmark reads its own line
 * (the time of the commands it ran) and each provider process's (that process's own share).
 */
export interface ProcessCpu {
  /** User and system time of the process itself. */
  ownSeconds: number;
  /**
   * User and system time of its children that have ended and been collected, grandchildren
   * included: each process adds its collected children's time to this figure.
   */
  childrenSeconds: number;
}

/** Clock ticks per second: 100 on every Linux the benchmark runs on (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

export function parseProcStat(line: string): ProcessCpu {
  // The fields after the command name, which is in parentheses and may itself hold spaces or
  // parentheses; from there, utime, stime, cutime and cstime are the 12th to 15th (proc(5)).
  const fields = line.slice(line.lastIndexOf(")") + 2).split(" ").map(Number);
  return {
    ownSeconds: (fields[11] + fields[12]) / TICKS_PER_SECOND,
    childrenSeconds: (fields[13] + fields[14]) / TICKS_PER_SECOND,
  };
}
