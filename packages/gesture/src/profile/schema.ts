import { z } from 'zod';
import { AFFECT_EMOTIONS, DIALOGUE_STATES, SUPPORT_STRATEGIES } from './GestureProfile.js';

/** The gestures.yaml file as written (snake_case, as robot-config files are). */
const name = z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower_snake_case');
/** Joint names are the robot's own (Pepper's `HeadYaw`, a URDF's `head_pan`). */
const jointName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'must be a letter followed by letters, digits or _');

export const jointSchema = z.strictObject({
  min: z.number(),
  max: z.number(),
  max_velocity: z.number().positive(),
  neutral: z.number().default(0),
});

export const keyframeSchema = z.strictObject({
  time: z.number().positive(),
  joints: z
    .record(z.string(), z.number())
    .refine((joints) => Object.keys(joints).length > 0, 'lists no joints'),
});

export const gestureSchema = z
  .strictObject({
    description: z.string().default(''),
    priority: z.number().int().min(0).max(255),
    face: z.string().default(''),
    loop: z.boolean().default(false),
    keyframes: z.array(keyframeSchema).default([]),
    /** The robot's own named animation, played by its driver instead of keyframes. */
    animation: z.string().default(''),
    /** Seconds; required for an animation (keyframed gestures last until their last keyframe). */
    duration: z.number().positive().optional(),
    /** Joints an animation moves, so that gestures on the same joints do not fight. */
    occupies: z.array(jointName).default([]),
  })
  .refine(
    (gesture) =>
      gesture.keyframes.length > 0 || (gesture.animation !== '' && gesture.duration !== undefined),
    'needs keyframes, or an animation with its duration',
  );

export const sentenceCueSchema = z
  .strictObject({
    gesture: z.string(),
    words: z.array(z.string().min(1)).default([]),
    ends_with: z.array(z.string().min(1)).default([]),
  })
  .refine((cue) => cue.words.length + cue.ends_with.length > 0, 'needs `words` or `ends_with`');

export const gestureFileSchema = z.strictObject({
  version: z.literal(1),
  robot: z.string().min(1),
  joints: z
    .record(jointName, jointSchema)
    .refine((joints) => Object.keys(joints).length > 0, 'lists no joints'),
  face_expressions: z.array(z.string().min(1)).default([]),
  gestures: z
    .record(name, gestureSchema)
    .refine((gestures) => Object.keys(gestures).length > 0, 'lists no gestures'),
  mapping: z.strictObject({
    strategy: z.partialRecord(z.enum(SUPPORT_STRATEGIES), z.string()).default({}),
    state: z
      .partialRecord(z.enum(DIALOGUE_STATES), z.union([z.string(), z.array(z.string()).min(1)]))
      .default({}),
    affect: z.partialRecord(z.enum(AFFECT_EMOTIONS), z.string()).default({}),
    sentence_cues: z.array(sentenceCueSchema).default([]),
    default: z.string(),
  }),
});

export type GestureFile = z.infer<typeof gestureFileSchema>;
