/**
 * An in-memory CorpusManager that behaves like the real one where adapters can tell: it refuses files
 * whose content does not match their type, splits documents into passages, and reports changes.
 * `passages()` lets FakeAssistant answer from what was uploaded.
 */
import { createHash } from 'node:crypto';
import type { CorpusChange, CorpusManager } from '../../src/core/assistant.js';
import { SogaError } from '../../src/core/errors.js';
import type { ChunkRecord, DocumentRecord } from '../../src/core/types.js';

const KINDS: Record<string, 'markdown' | 'text' | 'html' | 'pdf'> = {
  md: 'markdown',
  markdown: 'markdown',
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
};

interface StoredDoc {
  record: DocumentRecord;
  chunks: ChunkRecord[];
}

function emptyChange(): CorpusChange {
  return { added: [], updated: [], removed: [], skipped: [], failed: [], merged: [] };
}

function guessLang(text: string): string {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const fr = words.filter((w) => ['le', 'la', 'les', 'des', 'est', 'et', 'une', 'du', 'pour'].includes(w)).length;
  const en = words.filter((w) => ['the', 'and', 'is', 'of', 'to', 'for', 'a', 'in'].includes(w)).length;
  return fr > en ? 'fr' : 'en';
}

export class FakeCorpus implements CorpusManager {
  /** What addFile received, to check that adapters pass safe names and the right bytes. */
  readonly uploads: { originalName: string; size: number; uploadedBy?: string; url?: string }[] = [];
  /** Simulated ingestion time, so progress indicators can be seen. */
  delayMs = 0;
  private readonly docs = new Map<string, StoredDoc>();
  private readonly now: () => Date;

  constructor(options: { now?: () => Date } = {}) {
    this.now = options.now ?? (() => new Date());
  }

  async list(): Promise<DocumentRecord[]> {
    return [...this.docs.values()].map((d) => ({ ...d.record })).sort((a, b) => a.title.localeCompare(b.title));
  }

  passages(): ChunkRecord[] {
    return [...this.docs.values()].flatMap((d) => d.chunks);
  }

  async addFile(originalName: string, bytes: Buffer, options: { uploadedBy?: string; url?: string } = {}): Promise<CorpusChange> {
    this.uploads.push({ originalName, size: bytes.length, uploadedBy: options.uploadedBy, ...(options.url ? { url: options.url } : {}) });
    await this.pause();
    const ext = originalName.toLowerCase().split('.').pop() ?? '';
    const kind = KINDS[ext];
    if (!kind || !originalName.includes('.')) throw new SogaError('UNSUPPORTED_FILE_TYPE', `${originalName}: unsupported file type`);
    let text: string;
    if (kind === 'pdf') {
      if (!bytes.subarray(0, 1024).includes(Buffer.from('%PDF-'))) throw new SogaError('INVALID_PDF', `${originalName}: is not a PDF`);
      // Good enough for a fake: the literal strings of a simple uncompressed PDF.
      text = [...bytes.toString('latin1').matchAll(/\(([^)]*)\)\s*Tj/g)].map((m) => m[1]).join('\n') || originalName;
    } else {
      if (bytes.includes(0)) throw new SogaError('BINARY_CONTENT', `${originalName}: looks like binary data`);
      text = bytes.toString('utf8');
      if (kind === 'html')
        text = text
          .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
          .replace(/<h1[^>]*>/gi, '# ')
          .replace(/<[^>]+>/g, '\n');
    }
    if (!text.trim()) throw new SogaError('EMPTY_DOCUMENT', `${originalName}: no text`);
    const title = text.match(/^#\s+(.+)$/m)?.[1]?.trim() ?? originalName.replace(/\.[^.]+$/, '');
    const id =
      title
        .toLowerCase()
        .normalize('NFKD')
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'untitled';
    const source = `uploads/${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${ext}`;
    const lang = guessLang(text);
    const paragraphs = text
      .split(/\n\s*\n/)
      .map((p) => p.replace(/^#+\s+/gm, '').trim())
      .filter(Boolean);
    const chunks: ChunkRecord[] = paragraphs.map((p, position) => ({
      id: `${id}#${position}`,
      docId: id,
      title,
      source,
      lang,
      date: null,
      position,
      section: null,
      text: p,
    }));
    const existed = this.docs.has(id);
    this.docs.set(id, {
      chunks,
      record: {
        id,
        title,
        source,
        sources: [source],
        lang,
        date: text.match(/\b(20\d\d-\d\d-\d\d)\b/)?.[1] ?? null,
        contentHash: createHash('sha256').update(text).digest('hex'),
        chunkCount: chunks.length,
        ingestedAt: this.now().toISOString(),
        embedModel: null,
      },
    });
    const change = emptyChange();
    (existed ? change.updated : change.added).push(id);
    return change;
  }

  async remove(docId: string): Promise<CorpusChange> {
    await this.pause();
    if (!this.docs.delete(docId)) throw new SogaError('NOT_FOUND', `no document ${docId}`);
    return { ...emptyChange(), removed: [docId] };
  }

  async reingest(): Promise<CorpusChange> {
    await this.pause();
    return { ...emptyChange(), skipped: [...this.docs.keys()] };
  }

  private async pause(): Promise<void> {
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
  }
}
