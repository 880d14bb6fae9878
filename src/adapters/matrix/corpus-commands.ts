/**
 * `!corpus add | list | remove <id>` for staff: the Matrix side of the CorpusManager interface.
 * Returns the reply text; the caller sends it.
 */
import { basename } from 'node:path';
import type { CorpusChange, CorpusManager } from '../../core/assistant.js';
import { isSogaError } from '../../core/errors.js';
import type { Messages } from '../../core/i18n.js';
import type { RawEvent } from './bot-state.js';
import { firstWebLink } from '../../core/text/links.js';

const ACCEPTED = /\.(md|markdown|txt|html?|pdf)$/i;
const LIST_LIMIT = 50;

export interface FileSource {
  /** The event that carries the file: the command itself (caption) or the one it replies to. */
  findFileEvent(): Promise<RawEvent | undefined>;
  download(content: Record<string, unknown>): Promise<Buffer>;
}

export interface CorpusCommandContext {
  corpus: CorpusManager;
  messages: Messages;
  lang: string;
  sender: string;
  maxUploadBytes: number;
}

/** `args`: the command's text after "add", where staff may give the article's address ("!corpus add https://…"). */
export async function corpusAdd(ctx: CorpusCommandContext, files: FileSource, args = ''): Promise<string> {
  const { messages, lang } = ctx;
  const fileEvent = await files.findFileEvent();
  const content = fileEvent?.content;
  if (!content || content.msgtype !== 'm.file') return messages.t(lang, 'matrixCorpusNoFile');
  // `filename` is set when `body` is a caption; otherwise `body` is the file name. Never trust a path.
  const given = [content.filename, content.body].find((v): v is string => typeof v === 'string') ?? 'upload';
  const name = basename(given.replace(/\\/g, '/')).trim() || 'upload';
  if (!ACCEPTED.test(name)) return messages.t(lang, 'matrixCorpusFileType', { name });
  const declared = (content.info as { size?: unknown } | undefined)?.size;
  const tooLarge = (size: number) => messages.t(lang, 'matrixCorpusTooLarge', { name, size, max: ctx.maxUploadBytes });
  if (typeof declared === 'number' && declared > ctx.maxUploadBytes) return tooLarge(declared);
  let change: CorpusChange;
  try {
    const bytes = await files.download(content);
    // The declared size is the sender's word; the downloaded size is the fact.
    if (bytes.length > ctx.maxUploadBytes) return tooLarge(bytes.length);
    // The address in the command, else in the file's caption (a `body` beside a `filename`).
    const caption = typeof content.filename === 'string' && typeof content.body === 'string' ? content.body : '';
    const link = firstWebLink(args) ?? firstWebLink(caption);
    change = await ctx.corpus.addFile(name, bytes, { uploadedBy: ctx.sender, ...(link ? { url: link } : {}) });
  } catch (error) {
    // File problems (type, encoding, empty, encrypted PDF...) are for the uploader to fix; others propagate.
    if (isSogaError(error) && FILE_PROBLEMS.has(error.code)) return messages.t(lang, 'matrixCorpusFailed', { name, reason: error.message });
    throw error;
  }
  const lines = [
    messages.t(lang, 'matrixCorpusAdded', {
      name,
      added: change.added.length,
      updated: change.updated.length,
      skipped: change.skipped.length,
    }),
    ...change.failed.map((f) => messages.t(lang, 'matrixCorpusFailed', { name: basename(f.source), reason: `${f.message} (${f.code})` })),
  ];
  if (change.failed.length > 0 && change.added.length + change.updated.length + change.skipped.length === 0) lines.shift();
  return lines.join('\n');
}

const FILE_PROBLEMS = new Set<string>([
  'INVALID_URL',
  'SOURCES_FILE_INVALID',
  'UNSUPPORTED_FILE_TYPE',
  'UNREADABLE_FILE',
  'INVALID_PDF',
  'ENCRYPTED_PDF',
  'BINARY_CONTENT',
  'FILE_TOO_LARGE',
  'FILE_TOO_COMPLEX',
  'EMPTY_DOCUMENT',
]);

export async function corpusList(ctx: CorpusCommandContext): Promise<string> {
  const { messages, lang } = ctx;
  const docs = await ctx.corpus.list();
  if (docs.length === 0) return messages.t(lang, 'matrixCorpusEmpty');
  const lines = docs.slice(0, LIST_LIMIT).map((d) => `• ${d.id} — ${d.title} (${[d.lang, d.date ?? messages.t(lang, 'undated'), d.source].join(', ')})`);
  if (docs.length > LIST_LIMIT) lines.push(messages.t(lang, 'matrixCorpusListMore', { count: docs.length - LIST_LIMIT }));
  return [messages.t(lang, 'matrixCorpusList', { count: docs.length }), ...lines].join('\n');
}

export async function corpusRemove(ctx: CorpusCommandContext, id: string): Promise<string> {
  const { messages, lang } = ctx;
  if (!id) return messages.t(lang, 'matrixCorpusUsage');
  try {
    const change = await ctx.corpus.remove(id);
    if (change.removed.length === 0) return messages.t(lang, 'matrixCorpusNotFound', { id });
    return messages.t(lang, 'matrixCorpusRemoved', { id, removed: change.removed.length });
  } catch (error) {
    if (isSogaError(error, 'NOT_FOUND')) return messages.t(lang, 'matrixCorpusNotFound', { id });
    throw error;
  }
}
