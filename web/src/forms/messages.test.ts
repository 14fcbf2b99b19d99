import { describe, expect, it } from 'vitest';
import { FORM_ERROR_CODES, SPEC_PROBLEM_CODES, WIDGETS } from '../../../shared/forms';
import { formsMessages } from './messages';

describe('form messages', () => {
  it('say every validation code, spec problem and widget in Chinese and English', () => {
    for (const locale of ['zh', 'en'] as const) {
      const m = formsMessages[locale] as Record<string, string>;
      for (const key of [...FORM_ERROR_CODES, ...SPEC_PROBLEM_CODES, ...WIDGETS.map((w) => `widget.${w}`)]) {
        expect(m[key], `${locale} ${key}`).toBeTruthy();
      }
    }
  });
});
