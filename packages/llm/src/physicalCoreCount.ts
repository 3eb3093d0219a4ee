import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/**
 * The number of physical CPU cores this process may use. llama.cpp decodes fastest with one
 * thread per physical core: hyper-threads share the same math units and only add contention.
 * Counts distinct (physical id, core id) pairs in /proc/cpuinfo, capped by the CPUs the process
 * is allowed to run on; elsewhere falls back to availableParallelism().
 */
export function physicalCoreCount(cpuinfo = readCpuinfo()): number {
  const allowed = availableParallelism();
  if (cpuinfo === undefined) return allowed;
  const cores = new Set<string>();
  let physicalId = '0';
  for (const line of cpuinfo.split('\n')) {
    const [key, value] = line.split(':').map((part) => part.trim());
    if (key === 'physical id' && value !== undefined) physicalId = value;
    if (key === 'core id' && value !== undefined) cores.add(`${physicalId}:${value}`);
  }
  return cores.size > 0 ? Math.max(1, Math.min(cores.size, allowed)) : allowed;
}

function readCpuinfo(): string | undefined {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8');
  } catch {
    return undefined;
  }
}
