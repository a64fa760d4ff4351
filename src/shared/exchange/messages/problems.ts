import { defineProblems } from '../../problems.js';

/** Problems of messages and requests for information (RFIs), and of forwarding them. */
export const MESSAGE_PROBLEMS = defineProblems({
  /** The account belongs to no unit, and messages are sent, read and filed by units. */
  'no-unit': 'refused',
  /** A unit named that the account does not belong to (sending from it, opening its box). */
  'not-your-unit': 'forbidden',
  'deadline-required': 'refused',
  'deadline-for-rfi': 'refused',
  'deadline-past': 'refused',
  'not-delivered': 'conflict',
  'not-an-rfi': 'conflict',
  'not-the-asking-unit': 'forbidden',
  'already-closed': 'conflict',
  /** The forwarding rule (src/shared/forwarding.ts) refuses: the code, or the audience, would loosen. */
  'forward-red': 'refused',
  'forward-looser-code': 'refused',
  'forward-widens-audience': 'refused',
  /** A reply keeps the code of the message it answers, or a stricter one. */
  'reply-loosens-handling-code': 'refused',
});
export type MessageProblem = keyof typeof MESSAGE_PROBLEMS;
