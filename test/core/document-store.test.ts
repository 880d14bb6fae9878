/** The one naming rule of stored uploads, shared by every DocumentStore. */
import { describe, expect, it } from 'vitest';
import { uploadFileName } from '../../src/core/document-store.js';

const DAY = new Date('2026-12-06T10:00:00Z');

describe('an upload’s stored name', () => {
  it('is the day, 8 random hex digits and the original name folded to plain characters, with its extension', () => {
    expect(uploadFileName('Rapport annuel 2024 (final).PDF', DAY, 'abcdef0123')).toBe('2026-12-06-abcdef01-Rapport-annuel-2024-final.pdf');
    expect(uploadFileName('Économie sociale à Lyon.md', DAY, '12345678')).toBe('2026-12-06-12345678-Economie-sociale-a-Lyon.md');
  });

  it('is never a path, whatever the original name holds', () => {
    expect(uploadFileName('../../etc/passwd', DAY, '00000000')).toBe('2026-12-06-00000000-passwd');
    expect(uploadFileName('C:\\Users\\ana\\notes.txt', DAY, '00000000')).toBe('2026-12-06-00000000-notes.txt');
    expect(uploadFileName('', DAY, '00000000')).toBe('2026-12-06-00000000-document');
    expect(uploadFileName('.md', DAY, '00000000')).toBe('2026-12-06-00000000-md');
  });
});
