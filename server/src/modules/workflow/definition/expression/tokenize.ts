import type { AppError } from '../../../../platform/errors.ts';
import { syntaxError } from './errors.ts';

/**
 * Splits an expression into tokens. Positions are character offsets into the
 * source as the author wrote it, so error messages can point at the spot.
 * A character that starts no token ends the list with an 'invalid' token
 * carrying the error: the parser raises it only if it gets that far, so the
 * author hears about the first mistake in reading order.
 */

export type Token =
  | { type: 'number'; value: number; position: number; text: string }
  | { type: 'string'; value: string; position: number; text: string }
  | { type: 'identifier'; value: string; position: number; text: string }
  | { type: 'operator'; value: string; position: number; text: string }
  | { type: 'end'; value: ''; position: number; text: '' }
  | { type: 'invalid'; value: ''; position: number; text: ''; error: AppError };

// Longest first, so '<=' wins over '<'.
const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '+', '-', '*', '/', '%', '(', ')', '[', ']', ',', '.'];

const IDENTIFIER_START = /[\p{L}_$]/u;
const IDENTIFIER_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

export function tokenize(source: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  try {
    readTokens(source, offset, tokens);
  } catch (error) {
    const position = (error as AppError & { details: { position: number } }).details.position;
    tokens.push({ type: 'invalid', value: '', position, text: '', error: error as AppError });
    return tokens;
  }
  tokens.push({ type: 'end', value: '', position: offset + source.length, text: '' });
  return tokens;
}

function readTokens(source: string, offset: number, tokens: Token[]): void {
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (DIGIT.test(ch)) {
      while (i < source.length && DIGIT.test(source[i]!)) i++;
      if (source[i] === '.' && DIGIT.test(source[i + 1] ?? '')) {
        i++;
        while (i < source.length && DIGIT.test(source[i]!)) i++;
      }
      if (IDENTIFIER_START.test(source[i] ?? '')) {
        throw syntaxError(offset + i, `unexpected '${source[i]}' after a number`, `数字后出现了多余的“${source[i]}”`);
      }
      const text = source.slice(start, i);
      tokens.push({ type: 'number', value: Number(text), position: offset + start, text });
      continue;
    }
    if (ch === '"' || ch === "'") {
      i++;
      let value = '';
      for (;;) {
        if (i >= source.length) throw syntaxError(offset + start, 'unterminated string', '字符串缺少结尾引号');
        const c = source[i]!;
        if (c === ch) break;
        if (c === '\\') {
          const next = source[i + 1];
          if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) {
            value += String.fromCharCode(parseInt(source.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          const escaped = next === undefined ? undefined : ESCAPES[next];
          if (escaped === undefined) throw syntaxError(offset + i, 'unknown escape in string', '字符串中有无法识别的转义符');
          value += escaped;
          i += 2;
          continue;
        }
        value += c;
        i++;
      }
      i++;
      tokens.push({ type: 'string', value, position: offset + start, text: source.slice(start, i) });
      continue;
    }
    if (IDENTIFIER_START.test(ch)) {
      while (i < source.length && IDENTIFIER_PART.test(source[i]!)) i++;
      const text = source.slice(start, i);
      tokens.push({ type: 'identifier', value: text, position: offset + start, text });
      continue;
    }
    const operator = OPERATORS.find((op) => source.startsWith(op, i));
    if (!operator) throw unknownCharacter(ch, offset + i);
    tokens.push({ type: 'operator', value: operator, position: offset + start, text: operator });
    i += operator.length;
  }
}

// Single =, & and | are what authors coming from SQL or spreadsheets type; tell them the spelling here.
const HINTS: Record<string, [en: string, zh: string]> = {
  '=': ['use == to compare', '比较相等请用 =='],
  '&': ['use && or and', '请用 && 或 and'],
  '|': ['use || or or', '请用 || 或 or'],
};

function unknownCharacter(ch: string, position: number) {
  const hint = HINTS[ch];
  if (hint) return syntaxError(position, `unexpected '${ch}': ${hint[0]}`, `无法识别的“${ch}”：${hint[1]}`);
  return syntaxError(position, `unexpected character '${ch}'`, `无法识别的字符“${ch}”`);
}
