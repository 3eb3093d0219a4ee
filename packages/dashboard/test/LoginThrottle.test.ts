import { describe, expect, it } from '@jest/globals';
import { LoginThrottle } from '../src/auth/LoginThrottle.js';

describe('LoginThrottle', () => {
  it('lets a few failures pass, then doubles the wait per name, up to the cap', () => {
    let now = 0;
    const throttle = new LoginThrottle({
      freeFailuresPerName: 2,
      freeFailuresPerAddress: 100,
      baseDelayMs: 1000,
      maxDelayMs: 8000,
      now: () => now,
    });
    const waits: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      expect(throttle.retryAfterMs('carol', '10.0.0.1')).toBe(0);
      throttle.failed('carol', '10.0.0.1');
      const wait = throttle.retryAfterMs('carol', '10.0.0.1');
      waits.push(wait);
      now += wait;
    }
    expect(waits).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000]);
    // The same name from another address waits too: the count is per name.
    throttle.failed('carol', '10.0.0.1');
    expect(throttle.retryAfterMs('CAROL', '10.0.0.2')).toBe(8000);
    // Another name from a fresh address does not.
    expect(throttle.retryAfterMs('dana', '10.0.0.2')).toBe(0);
  });

  it('counts per address across names, and a success clears both counts', () => {
    let now = 0;
    const throttle = new LoginThrottle({
      freeFailuresPerName: 100,
      freeFailuresPerAddress: 3,
      baseDelayMs: 500,
      now: () => now,
    });
    for (const name of ['a', 'b', 'c', 'd']) throttle.failed(name, '10.0.0.9');
    expect(throttle.retryAfterMs('e', '10.0.0.9')).toBe(500);
    expect(throttle.retryAfterMs('e', '10.0.0.8')).toBe(0);
    now += 500;
    throttle.succeeded('e', '10.0.0.9');
    throttle.failed('f', '10.0.0.9');
    expect(throttle.retryAfterMs('f', '10.0.0.9')).toBe(0);
  });

  it('forgets old failures', () => {
    let now = 0;
    const throttle = new LoginThrottle({
      freeFailuresPerName: 1,
      forgetAfterMs: 60_000,
      now: () => now,
    });
    throttle.failed('carol', 'x');
    now += 61_000;
    throttle.failed('carol', 'x');
    expect(throttle.retryAfterMs('carol', 'x')).toBe(0);
  });
});
