import { describe, expect, it } from 'vitest';
import { sniffFileType } from './rules.ts';

describe('file type sniffing', () => {
  it('recognises PDF, PNG and JPEG by their first bytes only', () => {
    expect(sniffFileType(Buffer.from('%PDF-1.7'))?.mime).toBe('application/pdf');
    expect(sniffFileType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))?.mime).toBe('image/png');
    expect(sniffFileType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(sniffFileType(Buffer.from('PK\x03\x04'))).toBeUndefined();
    expect(sniffFileType(Buffer.from(' %PDF-1.7'))).toBeUndefined();
    expect(sniffFileType(new Uint8Array())).toBeUndefined();
  });
});
