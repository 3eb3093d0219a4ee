// Messages whose .msg file says `# @ros-type <package>/msg/<Type>` travel on ROS 2 as that
// foreign type, so ROS tools that know hri_msgs or audio_common_msgs meet Hearth's topics
// directly: the rclnodejs adapter (over the fake) must create its endpoints with the foreign
// name and exchange messages with a plain rclnodejs node that uses only that name.
import { afterEach, describe, expect, it } from '@jest/globals';
import {
  AudioDataStampedType,
  LiveSpeechType,
  TranscriptType,
  humanVoiceSpeechTopic,
  type AudioDataStamped,
  type LiveSpeech,
} from '@hearth/interfaces';

import {
  LogCapture,
  Qos,
  createFakeRclnodejs,
  createRos2Transport,
  type FakeRclnodejs,
  type GraphTransport,
} from '../src/index.js';
import { Collector } from './support/waitFor.js';

let transport: GraphTransport | undefined;
afterEach(async () => {
  await transport?.shutdown();
  transport = undefined;
});

async function open(): Promise<{ rcl: FakeRclnodejs; graph: GraphTransport }> {
  const rcl = createFakeRclnodejs();
  transport = await createRos2Transport({ rclnodejs: rcl, logger: { capture: new LogCapture() } });
  return { rcl, graph: transport };
}

describe('ROS type mapping on the rclnodejs adapter', () => {
  it('publishes and subscribes LiveSpeech as hri_msgs/msg/LiveSpeech', async () => {
    const { rcl, graph } = await open();
    const topic = humanVoiceSpeechTopic('anonymous_speaker');
    const stt = graph.createNode('stt');
    const dialogue = graph.createNode('dialogue');
    const heard = new Collector<LiveSpeech>();
    dialogue.createSubscription(LiveSpeechType, topic, heard.push);
    const publisher = stt.createPublisher(LiveSpeechType, topic);
    expect(rcl.domain.topicTypes(topic)).toEqual(['hri_msgs/msg/LiveSpeech']);

    // A ros4hri tool that knows only hri_msgs hears Hearth's speech.
    const tool = new rcl.Node('hri_tool');
    const toolHeard = new Collector<object>();
    tool.createSubscription('hri_msgs/msg/LiveSpeech', topic, {}, toolHeard.push);
    tool.spin();
    const speech = LiveSpeechType.create({ final: 'hello', confidence: 0.9, locale: 'en_GB' });
    publisher.publish(speech);
    expect(await heard.atLeast(1)).toEqual([speech]);
    expect(await toolHeard.atLeast(1)).toEqual([speech]);
    tool.destroy();
  });

  it('hears audio_common_msgs/msg/AudioDataStamped from a driver that knows only audio_common', async () => {
    const { rcl, graph } = await open();
    const audioIn = graph.createNode('audio_in');
    const frames = new Collector<AudioDataStamped>();
    audioIn.createSubscription(AudioDataStampedType, '/mic/audio', frames.push, Qos.sensorData);
    expect(rcl.domain.topicTypes('/mic/audio')).toEqual(['audio_common_msgs/msg/AudioDataStamped']);

    const driver = new rcl.Node('audio_capturer');
    const out = driver.createPublisher('audio_common_msgs/msg/AudioDataStamped', '/mic/audio');
    // rclnodejs hands uint8[] fields over as a TypedArray.
    out.publish({
      header: { stamp: { sec: 3, nanosec: 5 }, frame_id: 'mic' },
      audio: { data: Uint8Array.from([1, 2, 254]) },
    });
    expect(await frames.atLeast(1)).toEqual([
      {
        header: { stamp: { sec: 3, nanosec: 5 }, frame_id: 'mic' },
        audio: { data: [1, 2, 254] },
      },
    ]);
    driver.destroy();
  });

  it('keeps hearth_interfaces names for unmapped messages', async () => {
    const { rcl, graph } = await open();
    graph.createNode('stt').createPublisher(TranscriptType, '/hearth/stt/transcript');
    expect(rcl.domain.topicTypes('/hearth/stt/transcript')).toEqual([
      'hearth_interfaces/msg/Transcript',
    ]);
  });
});
