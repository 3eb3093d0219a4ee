import { describe, it, expect } from '@jest/globals';
import { ALL_ROBOTS_TOPIC, alertTopicLevel, parseTopic, robotTopics } from '../src/topics.js';
import { InvalidTopicLevelError } from '../src/errors/InvalidTopicLevelError.js';

describe('topics', () => {
  const t = robotTopics('hearth-sim');

  it('builds every topic under hearth/v1/<robot>/', () => {
    expect(t.status).toBe('hearth/v1/hearth-sim/status');
    expect(t.state).toBe('hearth/v1/hearth-sim/state');
    expect(t.sessionEvent('s-1')).toBe('hearth/v1/hearth-sim/session/s-1/event');
    expect(t.command('end-session')).toBe('hearth/v1/hearth-sim/cmd/end-session');
    expect(t.commands).toBe('hearth/v1/hearth-sim/cmd/+');
    expect(ALL_ROBOTS_TOPIC).toBe('hearth/v1/+/#');
  });

  it('parses what it builds', () => {
    expect(parseTopic(t.status)).toEqual({ robot: 'hearth-sim', kind: 'status' });
    expect(parseTopic(t.state)).toEqual({ robot: 'hearth-sim', kind: 'state' });
    expect(parseTopic(t.metrics)).toEqual({ robot: 'hearth-sim', kind: 'metrics' });
    expect(t.alert('a-1')).toBe('hearth/v1/hearth-sim/alerts/a-1');
    expect(t.alerts).toBe('hearth/v1/hearth-sim/alerts/+');
    expect(parseTopic(t.alert('a-1'))).toEqual({
      robot: 'hearth-sim',
      kind: 'alert',
      alertId: 'a-1',
    });
    // The single alert topic of robots before per-alert topics (still in an old outbox).
    expect(parseTopic('hearth/v1/hearth-sim/alert')).toEqual({
      robot: 'hearth-sim',
      kind: 'alert',
      alertId: '',
    });
    expect(parseTopic(t.notice)).toEqual({ robot: 'hearth-sim', kind: 'notice' });
    expect(parseTopic(t.sessionEvent('abc'))).toEqual({
      robot: 'hearth-sim',
      kind: 'sessionEvent',
      sessionId: 'abc',
    });
    expect(parseTopic(t.command('say'))).toEqual({
      robot: 'hearth-sim',
      kind: 'command',
      verb: 'say',
    });
  });

  it('ignores topics of another version or shape', () => {
    for (const topic of [
      'hearth/v2/r/status',
      'other/v1/r/status',
      'hearth/v1/r',
      'hearth/v1/r/unknown',
      'hearth/v1/r/session/s',
      'hearth/v1/r/cmd/',
    ]) {
      expect(parseTopic(topic)).toBeUndefined();
    }
  });

  it('refuses ids that would escape the robot topic tree', () => {
    for (const bad of ['', 'a/b', '+', 'robot#', 'x'.repeat(129), 'tab\there']) {
      expect(() => robotTopics(bad)).toThrow(InvalidTopicLevelError);
    }
    expect(() => t.sessionEvent('a/b')).toThrow(/session id/);
  });

  it('gives an alert id that cannot be a topic level a digest of it, never dropping the alert', () => {
    const level = alertTopicLevel('a/b#');
    expect(level).toMatch(/^id-[0-9a-f]{32}$/);
    expect(alertTopicLevel('a/b#')).toBe(level);
    expect(parseTopic(t.alert('a/b#'))).toEqual({
      robot: 'hearth-sim',
      kind: 'alert',
      alertId: level,
    });
  });
});
