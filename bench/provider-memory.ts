import { promises as fs } from "fs";

import { parseProcStat } from "./proc-stat";

/**
 * Samples the peak memory of the dynamic-provider processes a Pulumi command starts in one
 * workspace. The engine launches them itself (`node .../cmd/dynamic-provider/index.js`), so they
 * are found in /proc by command line, and told apart from other workspaces' providers (tests may
 * be running beside the benchmark) by their working directory, which is the workspace.
 */
export class ProviderMemorySampler {
  private peakKb = 0;
  private readonly seen = new Set<number>();
  /** CPU seconds of each provider process at its latest sample. */
  private readonly cpuSeconds = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private sampling?: Promise<void>;

  constructor(
    private readonly workspaceDir: string,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sampling ??= this.sample().finally(() => (this.sampling = undefined));
    }, this.intervalMs);
  }

  /**
   * Stops sampling; answers the highest VmHWM seen (in MB), or undefined if none ran, and the
   * providers' CPU seconds as last sampled (up to one interval short of their whole use).
   */
  async stop(): Promise<{ peakMb?: number; cpuSeconds?: number; processes: number }> {
    clearInterval(this.timer);
    await this.sampling;
    const peakMb = this.seen.size ? Math.round((this.peakKb / 1024) * 10) / 10 : undefined;
    const total = [...this.cpuSeconds.values()].reduce((sum, n) => sum + n, 0);
    const cpuSeconds = this.seen.size ? total : undefined;
    return { peakMb, cpuSeconds, processes: this.seen.size };
  }

  private async sample(): Promise<void> {
    const pids = (await fs.readdir("/proc")).filter((name) => /^\d+$/.test(name));
    await Promise.all(pids.map((pid) => this.sampleOne(pid)));
  }

  private async sampleOne(pid: string): Promise<void> {
    try {
      const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8");
      if (!cmdline.includes("dynamic-provider")) return;
      const cwd = await fs.readlink(`/proc/${pid}/cwd`);
      if (cwd !== this.workspaceDir) return;
      const status = await fs.readFile(`/proc/${pid}/status`, "utf8");
      // VmHWM is the process's own high-water mark, so a peak between two samples still counts.
      const hwm = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      this.seen.add(Number(pid));
      this.peakKb = Math.max(this.peakKb, hwm);
      const stat = await fs.readFile(`/proc/${pid}/stat`, "utf8");
      this.cpuSeconds.set(Number(pid), parseProcStat(stat).ownSeconds);
    } catch {
      // The process ended between readdir and read: its last sample stands.
    }
  }
}
