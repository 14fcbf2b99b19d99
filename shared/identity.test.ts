import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_CODE_CHARS,
  birthDateFromIdCard,
  creditCodeCheckChar,
  genderFromIdCard,
  idCardCheckChar,
  isValidCreditCode,
  isValidIdCard,
} from './identity.ts';

const TODAY = '2026-03-01';
const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** A valid identity card number: a region, a real birth date before TODAY, a sequence, its check char. */
const idCard = fc
  .record({
    region: fc.integer({ min: 110000, max: 829999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-02-28T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ region, birth, seq }) => {
    const body = `${region}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(seq, 3)}`;
    return body + idCardCheckChar(body);
  });

const creditChar = fc.constantFrom(...CREDIT_CODE_CHARS.split(''));
const creditCode = fc
  .tuple(
    fc.array(creditChar, { minLength: 2, maxLength: 2 }),
    fc.integer({ min: 0, max: 999999 }),
    fc.array(creditChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => {
    const body = head.join('') + pad(region, 6) + org.join('');
    return body + creditCodeCheckChar(body);
  });

/** Replace the character at i by a different one from the alphabet. */
function mutate(s: string, i: number, pick: number, alphabet: string): string {
  const choices = alphabet.split('').filter((c) => c !== s[i]);
  return s.slice(0, i) + choices[pick % choices.length] + s.slice(i + 1);
}

describe('identity card number (GB 11643)', () => {
  it('accepts known numbers and reads birth date and gender', () => {
    // The standard's own example.
    expect(isValidIdCard('11010519491231002X', { today: TODAY })).toBe(true);
    expect(birthDateFromIdCard('11010519491231002X')).toBe('1949-12-31');
    expect(genderFromIdCard('11010519491231002X')).toBe('female');
    expect(isValidIdCard('440524188001010014', { today: TODAY })).toBe(true);
    expect(genderFromIdCard('440524188001010014')).toBe('male');
  });

  it('refuses a wrong check digit, a lower-case x, wrong length, letters', () => {
    expect(isValidIdCard('110105194912310021', { today: TODAY })).toBe(false);
    expect(isValidIdCard('11010519491231002x', { today: TODAY })).toBe(false);
    expect(isValidIdCard('11010519491231002', { today: TODAY })).toBe(false);
    expect(isValidIdCard('1101051949123100201', { today: TODAY })).toBe(false);
    expect(isValidIdCard('A1010519491231002X', { today: TODAY })).toBe(false);
    expect(isValidIdCard('', { today: TODAY })).toBe(false);
  });

  it('refuses a birth date that is not a real date or lies in the future', () => {
    const make = (body: string) => body + idCardCheckChar(body);
    expect(isValidIdCard(make('11010520230229001'), { today: TODAY })).toBe(false); // 2023 is not a leap year
    expect(isValidIdCard(make('11010520240229001'), { today: TODAY })).toBe(true);
    expect(isValidIdCard(make('11010519991301001'), { today: TODAY })).toBe(false);
    expect(isValidIdCard(make('11010520260302001'), { today: TODAY })).toBe(false);
    expect(isValidIdCard(make('11010520260301001'), { today: TODAY })).toBe(true);
    expect(birthDateFromIdCard(make('11010519990431001'))).toBeNull();
  });

  it('a generated valid number passes', () => {
    fc.assert(fc.property(idCard, (s) => isValidIdCard(s, { today: TODAY })));
  });

  it('changing any one character makes it fail', () => {
    fc.assert(
      fc.property(idCard, fc.nat(17), fc.nat(), (s, i, pick) => {
        expect(isValidIdCard(mutate(s, i, pick, '0123456789X'), { today: TODAY })).toBe(false);
      }),
    );
  });
});

describe('unified social credit code (GB 32100)', () => {
  it('accepts known codes', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('refuses wrong check characters, forbidden letters, letters in the region code, wrong length', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false);
    expect(isValidCreditCode('9135A100M000100Y43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
  });

  it('a generated valid code passes', () => {
    fc.assert(fc.property(creditCode, (s) => isValidCreditCode(s)));
  });

  it('changing any one character makes it fail', () => {
    fc.assert(
      fc.property(creditCode, fc.nat(17), fc.nat(), (s, i, pick) => {
        expect(isValidCreditCode(mutate(s, i, pick, CREDIT_CODE_CHARS))).toBe(false);
      }),
    );
  });
});
