import { describe, expect, it } from '@jest/globals';
import { systemTimers } from '../src/index.js';

describe('systemTimers', () => {
  it('runs a timer, cancels another, reads the given clock and never holds the process', async () => {
    const timers = systemTimers(() => 42);
    expect(timers.nowMs()).toBe(42);
    const fired: string[] = [];
    const kept = timers.setTimeout(() => fired.push('kept'), 5);
    const cancelled = timers.setTimeout(() => fired.push('cancelled'), 5);
    timers.clearTimeout(cancelled);
    // Unref'd: a pending retry must not keep a finished process alive.
    expect((kept as NodeJS.Timeout).hasRef()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fired).toEqual(['kept']);
  });

  it('treats a negative delay as none', async () => {
    let fired = false;
    systemTimers().setTimeout(() => (fired = true), -100);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fired).toBe(true);
  });
});
