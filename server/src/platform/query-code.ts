import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L: read aloud or copied from paper without mistakes.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 10;

/**
 * A query code (查询码) that opens a public progress page together with its
 * case or ticket number: 10 characters, about 49 bits of chance (6 gave 30,
 * within reach of a patient guesser even behind the per-address limit).
 * Codes already handed out keep working: lookups compare with what is stored.
 */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}
