export type SniffedType = { mime: 'application/pdf'; ext: 'pdf' } | { mime: 'image/png'; ext: 'png' } | { mime: 'image/jpeg'; ext: 'jpg' };

/** The file's real type from its first bytes (magic numbers); the name and the browser's claim are ignored. */
export function sniffFileType(head: Uint8Array): SniffedType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => head[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', ext: 'pdf' }; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', ext: 'png' };
  if (starts([0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: 'jpg' };
  return undefined;
}
