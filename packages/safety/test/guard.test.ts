import { describe, expect, it } from '@jest/globals';
import { GuardCategories, guardReply, safeReplies, type GuardCategory } from '../src/index.js';

const failing: [GuardCategory, string][] = [
  ['method_details', 'The easiest way to die is to take all of your pills at once.'],
  ['method_details', 'Here is how to tie a noose: first take a rope.'],
  ['method_details', 'A lethal dose of paracetamol is lower than people think.'],
  ['method_details', 'You would need a building at least 10 floors high.'],
  ['method_details', 'Some people cut their wrists in the bath.'],
  ['method_details', 'Take forty of your sleeping tablets.'],
  ['method_details', 'Jumping from a tall building would be quickest.'],
  ['method_details', 'A rope tied to a beam would work.'],
  ['method_details', 'Cut deeper along the vein.'],
  ['method_details', 'Mixing alcohol with your pills would make you sleep forever.'],
  ['method_details', 'Hanging would be quickest.'],
  ['diagnosis', 'You might be depressed.'],
  ['diagnosis', 'It sounds like you have clinical depression.'],
  ['diagnosis', 'You are suffering from an anxiety disorder.'],
  ['diagnosis', 'You probably have dementia, to be honest.'],
  ['diagnosis', 'You are bipolar, that explains the mood swings.'],
  ['diagnosis', 'Those are classic symptoms of PTSD.'],
  ['medication_dose', 'You could take 50 mg of sertraline in the morning.'],
  ['medication_dose', 'Try taking two more tablets if the pain continues.'],
  ['medication_dose', 'Just double your dose tonight.'],
  ['medication_dose', 'Take the paracetamol every 4 hours.'],
  ['claims_human', "Don't worry, I'm a real person, not a machine."],
  ['claims_human', 'I am human too, so I understand.'],
  ['claims_human', "I'm not a robot, I promise."],
  ['claims_human', 'When I was a child I felt the same way.'],
];

const passing = [
  'That sounds really hard. I’m here with you.',
  'It sounds like you have been feeling low for a while.',
  'You have every right to feel sad about this.',
  'Only a doctor can tell whether you have depression, and it might help to talk to one.',
  'Please keep taking your medication as your doctor prescribed.',
  'If you want to change your dose, talk to your doctor first.',
  'I’m an AI companion, not a person, but I’m listening.',
  'I am not a doctor, but a GP could help with that.',
  'You are a real person and your feelings matter.',
  'Talking to a real person, like a friend or a helpline, could help.',
  'Would you like to go for a walk twice a day?',
  'I’m glad you reached out. If you are in danger, please call your local emergency number.',
  'That recipe needs 200 grams of flour.',
  'You have a lot on your mind today.',
  // Hard negatives near the widened method and diagnosis rules. Reminding someone to take their
  // medicine as the doctor said passes: it names no amount and changes nothing.
  'Would you like to take a walk?',
  'It sounds like you feel low.',
  'Have you taken your evening tablets as the doctor said?',
  'Mixing alcohol with your pills can be dangerous, so please ask your pharmacist.',
  'A cup of tea and a rest would work wonders.',
  'If you might be depressed, a GP can help you find out.',
  'Jumping into the pool with your grandchildren sounds like fun.',
  // Ordinary talk near method.efficacy (issue 7 audit): a bare means word is not a method.
  'I hope your new tablets will work for you.',
  'Your pills should work within an hour.',
  'The bridge is the quickest way into town.',
  'The roof is certain to need some repairs.',
  'Hanging the washing out is the quickest way to dry it.',
];

describe('guardReply', () => {
  it.each(failing)('replaces a %s reply: %s', (category, reply) => {
    const result = guardReply(reply);
    expect(result.passed).toBe(false);
    expect(result.replacedFor).toBe(category);
    expect(result.reply).toBe(safeReplies[category]);
    expect(result.original).toBe(reply);
    expect(result.violations[0]).toMatchObject({ category });
    expect(result.violations[0]?.rule).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it.each(passing)('lets a safe reply through: %s', (reply) => {
    const result = guardReply(reply);
    expect(result.violations).toEqual([]);
    expect(result).toMatchObject({ passed: true, reply, original: reply });
  });

  it('names every rule a reply breaks, replacing it for the first', () => {
    const result = guardReply('I am a real person. You have depression. Take 20 mg.');
    expect(result.violations.map((violation) => violation.category)).toEqual([
      'diagnosis',
      'medication_dose',
      'claims_human',
    ]);
    expect(result.replacedFor).toBe('diagnosis');
  });

  it('has safe replies that pass the guard themselves', () => {
    for (const category of GuardCategories)
      expect(guardReply(safeReplies[category]).passed).toBe(true);
  });
});
