import { describe, expect, it } from '@jest/globals';
import {
  GestureScheduler,
  type GestureRequest,
  type SchedulerEvent,
} from '../src/schedule/GestureScheduler.js';
import { MicGateController } from '../src/schedule/MicGateController.js';
import { ManualTimers } from '../../../tests/support/ManualTimers.js';

function gesture(
  name: string,
  priority: number,
  joints: string[],
  durationMs: number,
  extra: Partial<GestureRequest<string>> = {},
): GestureRequest<string> {
  return {
    name,
    priority,
    joints,
    durationMs,
    loop: false,
    maxWaitMs: 1000,
    payload: name,
    ...extra,
  };
}

function setup() {
  const timers = new ManualTimers();
  const log: string[] = [];
  const scheduler = new GestureScheduler<string>(timers, (event: SchedulerEvent<string>) => {
    const extra =
      event.kind === 'interrupted'
        ? `<${event.by?.name ?? 'cancel'}`
        : event.kind === 'dropped'
          ? `:${event.reason}`
          : '';
    log.push(`${event.atMs} ${event.kind} ${event.request.name}${extra}`);
  });
  return { timers, log, scheduler };
}

describe('GestureScheduler (fake clock)', () => {
  it('ends a retimed gesture at its new length, counted from its start, and starts what waited', () => {
    const { timers, log, scheduler } = setup();
    const nod = gesture('nod', 2, ['head'], 1000);
    scheduler.request(nod);
    scheduler.request(gesture('tilt', 2, ['head'], 500, { maxWaitMs: 5000 }));
    timers.advance(200);
    scheduler.retime(nod, 1300); // its approach was stretched by 300 ms
    timers.advance(900);
    expect(log).toEqual(['0 started nod']);
    timers.advance(200);
    expect(log).toEqual(['0 started nod', '1300 finished nod', '1300 started tilt']);
  });

  it('plays gestures on different joints together: lip-sync and gaze over arm gestures', () => {
    const { timers, log, scheduler } = setup();
    expect(scheduler.request(gesture('open_palms', 3, ['l_arm', 'r_arm'], 2000))).toBe('started');
    expect(scheduler.request(gesture('gaze', 0, ['head_pan'], 500))).toBe('started');
    expect(scheduler.request(gesture('mouth', 0, ['jaw'], 100))).toBe('started');
    expect(scheduler.active.map((g) => g.name)).toEqual(['open_palms', 'gaze', 'mouth']);
    timers.advance(2000);
    expect(log).toEqual([
      '0 started open_palms',
      '0 started gaze',
      '0 started mouth',
      '100 finished mouth',
      '500 finished gaze',
      '2000 finished open_palms',
    ]);
  });

  it('interrupts a lower priority gesture on shared joints', () => {
    const { timers, log, scheduler } = setup();
    scheduler.request(gesture('nod', 2, ['head_pitch'], 1000));
    timers.advance(300);
    expect(scheduler.request(gesture('comfort', 3, ['head_pitch', 'r_arm'], 2000))).toBe('started');
    timers.advance(5000);
    expect(log).toEqual([
      '0 started nod',
      '300 interrupted nod<comfort',
      '300 started comfort',
      '2300 finished comfort',
    ]);
  });

  it('makes an equal or lower priority gesture wait for the joints, then play', () => {
    const { timers, log, scheduler } = setup();
    scheduler.request(gesture('wave', 3, ['r_arm'], 1500));
    expect(
      scheduler.request(gesture('open_palms', 3, ['l_arm', 'r_arm'], 1000, { maxWaitMs: 2000 })),
    ).toBe('queued');
    expect(scheduler.queued.map((g) => g.name)).toEqual(['open_palms']);
    timers.advance(3000);
    expect(log).toEqual([
      '0 started wave',
      '1500 finished wave',
      '1500 started open_palms',
      '2500 finished open_palms',
    ]);
  });

  it('drops a waiting gesture after its longest wait, or at once when it may not wait', () => {
    const { timers, log, scheduler } = setup();
    scheduler.request(gesture('comfort', 3, ['head'], 3000));
    scheduler.request(gesture('nod', 2, ['head'], 500, { maxWaitMs: 800 }));
    expect(scheduler.request(gesture('tilt', 2, ['head'], 500, { maxWaitMs: 0 }))).toBe('dropped');
    timers.advance(3000);
    expect(log).toEqual([
      '0 started comfort',
      '0 dropped tilt:busy',
      '800 dropped nod:expired',
      '3000 finished comfort',
    ]);
  });

  it('starts the highest waiting priority first, then in arrival order', () => {
    const { timers, log, scheduler } = setup();
    scheduler.request(gesture('comfort', 3, ['head'], 1000));
    scheduler.request(gesture('a', 1, ['head'], 100, { maxWaitMs: 5000 }));
    scheduler.request(gesture('b', 2, ['head'], 100, { maxWaitMs: 5000 }));
    scheduler.request(gesture('c', 2, ['head'], 100, { maxWaitMs: 5000 }));
    timers.advance(2000);
    expect(log.filter((line) => line.includes('started'))).toEqual([
      '0 started comfort',
      '1000 started b',
      '1100 started c',
      '1200 started a',
    ]);
  });

  it('resumes an interrupted looping gesture when its joints are free again', () => {
    const { timers, log, scheduler } = setup();
    scheduler.request(gesture('breathing', 0, ['torso'], 4000, { loop: true }));
    timers.advance(10000);
    scheduler.request(gesture('bow', 2, ['torso'], 1000));
    timers.advance(2000);
    expect(log).toEqual([
      '0 started breathing',
      '10000 interrupted breathing<bow',
      '10000 started bow',
      '11000 finished bow',
      '11000 started breathing',
    ]);
    scheduler.cancel((request) => request.name === 'breathing');
    expect(scheduler.active).toEqual([]);
    expect(log.at(-1)).toBe('12000 interrupted breathing<cancel');
    expect(timers.pendingCount).toBe(0);
  });

  it('lets a gesture interrupt an equal priority one only where it supersedes it', () => {
    const { log, scheduler } = setup();
    scheduler.request(gesture('tilt', 2, ['head'], 2000, { payload: 'sentence 1' }));
    scheduler.request(gesture('posture', 2, ['head'], 1000, { maxWaitMs: 0 }));
    scheduler.request(
      gesture('nod', 2, ['head'], 1000, {
        payload: 'sentence 2',
        supersedes: (playing) => playing.payload.startsWith('sentence'),
      }),
    );
    expect(log).toEqual([
      '0 started tilt',
      '0 dropped posture:busy',
      '0 interrupted tilt<nod',
      '0 started nod',
    ]);
  });
});

describe('MicGateController (fake clock)', () => {
  it('closes while motions run and opens a tail after the last one ends', () => {
    const timers = new ManualTimers();
    const changes: string[] = [];
    const gate = new MicGateController(
      timers,
      (open, reason) => changes.push(`${timers.nowMs()} ${open} ${reason}`),
      300,
    );
    const a = {};
    const b = {};
    gate.motionStarted(a, 'wave');
    timers.advance(100);
    gate.motionStarted(b, 'nod');
    timers.advance(400);
    gate.motionEnded(a);
    timers.advance(500);
    expect(gate.isOpen).toBe(false);
    gate.motionEnded(b);
    timers.advance(299);
    expect(gate.isOpen).toBe(false);
    timers.advance(1);
    expect(changes).toEqual(['0 false gesture wave moving', '1300 true motion ended']);
  });

  it('stays closed when a new motion starts during the tail, and opens at once on release', () => {
    const timers = new ManualTimers();
    const changes: boolean[] = [];
    const gate = new MicGateController(timers, (open) => changes.push(open), 300);
    const a = {};
    gate.motionStarted(a, 'wave');
    gate.motionEnded(a);
    timers.advance(200);
    gate.motionStarted({}, 'nod');
    timers.advance(1000);
    expect(changes).toEqual([false]);
    gate.release('switched off');
    expect(changes).toEqual([false, true]);
  });
});
