/** A CorrectionStore for core tests: the test lists the corrections; withdrawn ones are never returned. */
import type { Correction, CorrectionSource, CorrectionStore } from '../../src/core/corrections/correction.js';

export class FakeCorrectionStore implements CorrectionStore {
  constructor(readonly corrections: Correction[] = []) {}

  async activeCorrections(): Promise<Correction[]> {
    return this.corrections.filter((c) => !c.withdrawn);
  }
}

export function aCorrection(overrides: Partial<Correction> & Pick<Correction, 'question' | 'lang' | 'answer'>): Correction {
  return { id: '1', sources: [], reviewer: 'admin', reviewedAt: '2026-11-30T10:00:00.000Z', withdrawn: false, withdrawnAt: null, fromEntryId: null, fromProposalId: null, ...overrides };
}

export const A_SOURCE: CorrectionSource = {
  docId: 'doc-summit',
  chunkId: 'doc-summit#0',
  title: 'Sommet de Lisbonne',
  source: 'summit.md',
  date: '2024-03-02',
  lang: 'fr',
  quote: 'Le sommet se tiendra à Lisbonne les 4 et 5 juin 2024.',
};
