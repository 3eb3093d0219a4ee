/**
 * CPU and memory of the robot process and its machine, for the metrics topic. CPU is measured
 * between two samples (`process.cpuUsage` deltas), so the first sample reports the use since start.
 */
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import type { MetricsPayload } from '../schemas.js';

export class ProcessSampler {
  private lastCpu = process.cpuUsage();
  private lastAt = performance.now();

  sample(): Pick<MetricsPayload, 'cpu' | 'memory'> {
    const cpu = process.cpuUsage(this.lastCpu);
    const now = performance.now();
    const elapsedMs = Math.max(1, now - this.lastAt);
    this.lastCpu = process.cpuUsage();
    this.lastAt = now;
    const memory = process.memoryUsage();
    return {
      cpu: {
        processPercent: round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 100),
        loadAverage1m: round(loadavg()[0] ?? 0),
        cores: Math.max(1, cpus().length),
      },
      memory: {
        rssBytes: memory.rss,
        heapUsedBytes: memory.heapUsed,
        systemFreeBytes: freemem(),
        systemTotalBytes: totalmem(),
      },
    };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
