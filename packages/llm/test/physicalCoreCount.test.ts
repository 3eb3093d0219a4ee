import { describe, expect, it } from '@jest/globals';
import { availableParallelism } from 'node:os';
import { physicalCoreCount } from '../src/physicalCoreCount.js';

/** /proc/cpuinfo lines for `sockets` x `cores` x `threads` logical CPUs. */
function cpuinfo(sockets: number, cores: number, threads: number): string {
  const blocks: string[] = [];
  let processor = 0;
  for (let socket = 0; socket < sockets; socket += 1) {
    for (let thread = 0; thread < threads; thread += 1) {
      for (let core = 0; core < cores; core += 1) {
        blocks.push(
          `processor\t: ${processor++}\nphysical id\t: ${socket}\ncore id\t\t: ${core}\n`,
        );
      }
    }
  }
  return blocks.join('\n');
}

describe('physicalCoreCount', () => {
  it('counts cores, not hyper-threads, within the CPUs this process may use', () => {
    expect(physicalCoreCount(cpuinfo(2, 2, 2))).toBe(Math.min(4, availableParallelism()));
    expect(physicalCoreCount(cpuinfo(1, 1, 2))).toBe(1);
  });

  it('falls back to the available parallelism without cpuinfo', () => {
    expect(physicalCoreCount(undefined)).toBe(availableParallelism());
    expect(physicalCoreCount('')).toBe(availableParallelism());
  });
});
