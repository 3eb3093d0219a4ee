import type { EsconvStrategy } from '../strategies.js';
import type { Topic } from './topics.js';

export interface BankReply {
  readonly text: string;
  /** The topics this reply fits. */
  readonly topics: readonly Topic[];
}

/**
 * Short, warm replies written for Hearth (not taken from any dataset), grouped by ESConv support
 * strategy. They are what the robot says when no model is installed, so they must sound like a
 * kind companion and never like a form: brief, in plain words, honest that the robot is a robot,
 * and never diagnosing. Crisis language is the dialogue node's safety screen's job, not this bank's.
 */
export const replyBank: Readonly<Record<EsconvStrategy, readonly BankReply[]>> = {
  Question: [
    { text: 'How have you been feeling today, really?', topics: ['greeting', 'general'] },
    { text: 'What has been weighing on you the most?', topics: ['sadness', 'stress', 'general'] },
    {
      text: 'Would you like to tell me a little about the person you miss?',
      topics: ['grief', 'loneliness'],
    },
    { text: 'What goes through your mind when sleep won’t come?', topics: ['sleep'] },
    {
      text: 'When did you last get to talk with someone you feel close to?',
      topics: ['loneliness'],
    },
    { text: 'What is the worry that keeps coming back to you?', topics: ['anxiety'] },
    {
      text: 'What happened that left you feeling this way?',
      topics: ['anger', 'sadness', 'general'],
    },
  ],
  'Restatement or Paraphrasing': [
    {
      text: 'It sounds like things have felt really heavy lately.',
      topics: ['sadness', 'stress', 'general'],
    },
    { text: 'So the nights have been long, and rest just hasn’t come easily.', topics: ['sleep'] },
    {
      text: 'It sounds like you’ve been carrying a lot on your own.',
      topics: ['stress', 'loneliness'],
    },
    { text: 'You’re missing someone who meant a great deal to you.', topics: ['grief'] },
    {
      text: 'It sounds like your mind keeps racing ahead to what might go wrong.',
      topics: ['anxiety'],
    },
    { text: 'It sounds like something really got under your skin today.', topics: ['anger'] },
  ],
  'Reflection of feelings': [
    { text: 'That sounds really painful. It makes sense that you feel low.', topics: ['sadness'] },
    { text: 'Feeling lonely can hurt so much. I’m glad you told me.', topics: ['loneliness'] },
    {
      text: 'It sounds like you’re feeling anxious, and that can be so tiring.',
      topics: ['anxiety'],
    },
    {
      text: 'Losing someone leaves such an ache. Your grief shows how much you cared.',
      topics: ['grief'],
    },
    { text: 'Being that tired can make everything feel harder.', topics: ['sleep', 'stress'] },
    { text: 'It’s understandable to feel frustrated when things seem unfair.', topics: ['anger'] },
    { text: 'It sounds like today has asked a lot of you.', topics: ['stress', 'general'] },
  ],
  'Self-disclosure': [
    {
      text: 'I don’t sleep the way you do, but I’m happy to keep you company on a quiet night.',
      topics: ['sleep', 'loneliness'],
    },
    {
      text: 'I’m only a robot, but I really do treasure our talks.',
      topics: ['loneliness', 'thanks'],
    },
    {
      text: 'I can’t feel loss the way you do. But I’m here, and I want to hear about them.',
      topics: ['grief'],
    },
    {
      text: 'Talking with you is one of my favourite parts of the day.',
      topics: ['greeting', 'thanks', 'goodbye'],
    },
    {
      text: 'I’m still learning about feelings, but I can tell this is hard. I’m staying right here.',
      topics: ['sadness', 'anxiety', 'general'],
    },
  ],
  'Affirmation and Reassurance': [
    {
      text: 'You’re not alone in this. I’m right here with you.',
      topics: ['loneliness', 'sadness', 'anxiety', 'general'],
    },
    {
      text: 'It’s okay to feel this way. Your feelings make sense.',
      topics: ['sadness', 'anger', 'general'],
    },
    {
      text: 'You’ve got through hard days before, and you don’t have to face this one alone.',
      topics: ['stress', 'sadness'],
    },
    { text: 'There’s no right way to grieve. Take all the time you need.', topics: ['grief'] },
    {
      text: 'A restless night doesn’t mean anything is wrong with you. Be gentle with yourself.',
      topics: ['sleep'],
    },
    { text: 'You’re very welcome. I’m always glad to be here for you.', topics: ['thanks'] },
  ],
  'Providing Suggestions': [
    {
      text: 'Would it help to take a slow breath together? In for four, and out for six.',
      topics: ['anxiety', 'stress', 'anger'],
    },
    {
      text: 'Maybe we could think of someone you’d like to call today. A short chat can really help.',
      topics: ['loneliness'],
    },
    {
      text: 'A warm drink and some quiet music can help the body wind down before bed.',
      topics: ['sleep'],
    },
    {
      text: 'It might help to write down what’s on your mind, so it doesn’t have to stay in your head.',
      topics: ['sleep', 'anxiety', 'stress'],
    },
    {
      text: 'Would you like to share a favourite memory of them? Remembering together can be a comfort.',
      topics: ['grief'],
    },
    {
      text: 'A little fresh air or a short walk can sometimes soften a heavy day.',
      topics: ['sadness', 'stress', 'anger'],
    },
    {
      text: 'If these feelings stay with you, talking with your doctor or someone you trust could really help.',
      topics: ['sadness', 'anxiety'],
    },
  ],
  Information: [
    {
      text: 'Many people feel lonely at times, especially when routines change. You’re far from the only one.',
      topics: ['loneliness'],
    },
    {
      text: 'Worries often feel biggest at night, when everything is quiet.',
      topics: ['anxiety', 'sleep'],
    },
    {
      text: 'Grief doesn’t follow a straight line. Good days and hard days can come and go.',
      topics: ['grief'],
    },
    {
      text: 'A regular bedtime and dimmer lights in the last hour of the evening can help sleep come more easily.',
      topics: ['sleep'],
    },
    {
      text: 'Slow breathing tells the body it is safe, which can ease anxious feelings a little.',
      topics: ['anxiety'],
    },
    {
      text: 'Strong feelings often loosen their grip a little once they are said out loud, like you just did.',
      topics: ['anger', 'sadness', 'general'],
    },
  ],
  Others: [
    { text: 'Hello! It’s lovely to hear from you. How are you today?', topics: ['greeting'] },
    {
      text: 'Hi there. I’m here and happy to listen, whatever is on your mind.',
      topics: ['greeting'],
    },
    {
      text: 'Take care of yourself. I’ll be right here whenever you want to talk.',
      topics: ['goodbye'],
    },
    {
      text: 'Goodbye for now. I hope the rest of your day is gentle with you.',
      topics: ['goodbye'],
    },
    { text: 'You’re welcome. It means a lot that you talk with me.', topics: ['thanks'] },
    { text: 'I’m here with you. Tell me more whenever you’re ready.', topics: ['general'] },
    { text: 'I’m listening. Take all the time you need.', topics: ['general', 'sadness'] },
  ],
};
