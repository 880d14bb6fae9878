/**
 * Evaluation on question sets in the format of shared/eval/dev-questions.jsonl: retrieval hit@1/@5
 * and MRR (an evidence string in a retrieved passage), fact accuracy of the answers, refusal accuracy
 * on unanswerable questions, and language detection, per language and overall. A line may also be a
 * conversation (`{"id","lang","turns":[{"q","evidence","facts","answerable"}]}`): its turns are asked
 * in order with the earlier ones as history, and later turns are reported apart from first turns.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Assistant } from '../core/assistant.js';
import { SogaError } from '../core/errors.js';
import { normalizeText } from '../core/text/normalize.js';
import type { Answer, ChatTurn } from '../core/types.js';
import { answeredTurns } from '../core/conversation/turns.js';

export const evalQuestionSchema = z.object({
  id: z.string(),
  lang: z.string(),
  q: z.string(),
  evidence: z.array(z.string()).default([]),
  facts: z.array(z.string()).default([]),
  answerable: z.boolean(),
});
export type EvalQuestion = z.infer<typeof evalQuestionSchema>;

export const evalConversationSchema = z.object({
  id: z.string(),
  lang: z.string(),
  turns: z.array(evalQuestionSchema.omit({ id: true, lang: true }).extend({ lang: z.string().optional() })).min(1),
});
export type EvalConversation = z.infer<typeof evalConversationSchema>;
export type EvalItem = EvalQuestion | EvalConversation;

const isConversation = (item: EvalItem): item is EvalConversation => 'turns' in item;

/** Single questions only (the question-set format); a conversation line is refused with its line number. */
export async function readQuestions(file: string): Promise<EvalQuestion[]> {
  const items = await readEvalItems(file);
  const index = items.findIndex(isConversation);
  if (index >= 0) throw new SogaError('EVAL_FILE_INVALID', `${file}: item ${items[index].id} is a conversation; this command takes single questions`);
  return items as EvalQuestion[];
}

/** Questions and conversations, one JSON object a line. */
export async function readEvalItems(file: string): Promise<EvalItem[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new SogaError('EVAL_FILE_INVALID', `cannot read ${file}`, { cause });
  }
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line)
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (cause) {
        throw new SogaError('EVAL_FILE_INVALID', `${file}:${n}: not JSON`, { cause });
      }
      const schema = json !== null && typeof json === 'object' && 'turns' in json ? evalConversationSchema : evalQuestionSchema;
      const parsed = schema.safeParse(json);
      if (!parsed.success) throw new SogaError('EVAL_FILE_INVALID', `${file}:${n}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(', ')}`);
      return parsed.data;
    });
}

export interface QuestionResult {
  id: string;
  lang: string;
  answerable: boolean;
  detectedLang: string;
  /** 1-based rank of the first passage holding evidence, or null. */
  evidenceRank: number | null;
  factsOk: boolean | null;
  refused: boolean;
  mode: string;
  answer: string;
  ms: number;
  /** In a conversation: the turn's number (1 = first turn) and the query actually searched. */
  turn?: number;
  query?: string;
  /**
   * A later turn refused with the conversation although it is answered right (its facts) when asked
   * alone: the conversation cost the member an answer.
   */
  refusedBecauseOfHistory?: boolean;
  /** The documents the answer cited (the next turn's retrieval prior). */
  citedDocs: string[];
  /** The answer's sentence stating what was asked, when it gave one (kept with the turn, as surfaces do). */
  direct?: string;
}

export interface Metrics {
  questions: number;
  answerable: number;
  hit1: number;
  hit5: number;
  mrr: number;
  /** Answers containing the facts, over answerable questions. */
  factAccuracy: number;
  /** The same, over answerable questions whose evidence was retrieved in the top 5. */
  factAccuracyRetrieved: number;
  unanswerable: number;
  /** Unanswerable questions refused with no citation. */
  refusalAccuracy: number;
  /** Answerable questions wrongly refused. */
  falseRefusals: number;
  languageAccuracy: number;
}

export interface EvalReport {
  perLanguage: Record<string, Metrics>;
  overall: Metrics;
  /** With conversations: single questions and first turns, and later turns, measured apart. */
  byTurn?: { first: Metrics; followUp: Metrics; refusedBecauseOfHistory: number };
  results: QuestionResult[];
}

function containsFact(answer: string, fact: string): boolean {
  const text = normalizeText(answer);
  return fact.split('|').some((alt) => text.includes(normalizeText(alt)));
}

export function evidenceRank(answer: Answer, evidence: string[]): number | null {
  const needles = evidence.map(normalizeText).filter(Boolean);
  if (!needles.length) return null;
  const index = answer.retrieved.findIndex((hit) => {
    const hay = normalizeText(`${hit.chunk.title}\n${hit.chunk.text}`);
    return needles.some((n) => hay.includes(n));
  });
  return index < 0 ? null : index + 1;
}

function metrics(results: QuestionResult[]): Metrics {
  const ans = results.filter((r) => r.answerable);
  const unans = results.filter((r) => !r.answerable);
  const share = (n: number, d: number) => (d ? n / d : NaN);
  const retrieved = ans.filter((r) => r.evidenceRank !== null && r.evidenceRank <= 5);
  return {
    questions: results.length,
    answerable: ans.length,
    hit1: share(ans.filter((r) => r.evidenceRank === 1).length, ans.length),
    hit5: share(retrieved.length, ans.length),
    mrr: share(ans.reduce((s, r) => s + (r.evidenceRank ? 1 / r.evidenceRank : 0), 0), ans.length),
    factAccuracy: share(ans.filter((r) => r.factsOk).length, ans.length),
    factAccuracyRetrieved: share(retrieved.filter((r) => r.factsOk).length, retrieved.length),
    unanswerable: unans.length,
    refusalAccuracy: share(unans.filter((r) => r.refused).length, unans.length),
    falseRefusals: share(ans.filter((r) => r.refused).length, ans.length),
    languageAccuracy: share(results.filter((r) => r.detectedLang === r.lang).length, results.length),
  };
}

export async function evaluate(assistant: Assistant, items: EvalItem[], now?: Date): Promise<EvalReport> {
  const results: QuestionResult[] = [];
  for (const item of items) {
    if (!isConversation(item)) {
      results.push(await askOne(assistant, item, [], now));
      continue;
    }
    const history: ChatTurn[] = [];
    for (const [i, turn] of item.turns.entries()) {
      const q: EvalQuestion = { ...turn, id: `${item.id}#${i + 1}`, lang: turn.lang ?? item.lang };
      const result = await askOne(assistant, q, history, now);
      result.turn = i + 1;
      if (i > 0 && q.answerable && result.refused) {
        // Would the turn have been answered right on its own? Then the conversation made it fail.
        const alone = await askOne(assistant, q, [], now);
        result.refusedBecauseOfHistory = alone.factsOk === true;
      }
      results.push(result);
      history.push(...answeredTurns(turn.q, { text: result.answer, citations: result.citedDocs.map((docId) => ({ docId })), direct: result.direct }));
    }
  }
  const langs = [...new Set(results.map((r) => r.lang))].sort();
  const later = results.filter((r) => (r.turn ?? 1) > 1);
  return {
    perLanguage: Object.fromEntries(langs.map((l) => [l, metrics(results.filter((r) => r.lang === l))])),
    overall: metrics(results),
    ...(results.some((r) => r.turn) ? { byTurn: { first: metrics(results.filter((r) => (r.turn ?? 1) === 1)), followUp: metrics(later), refusedBecauseOfHistory: later.filter((r) => r.refusedBecauseOfHistory).length } } : {}),
    results,
  };
}

async function askOne(assistant: Assistant, q: EvalQuestion, history: ChatTurn[], now?: Date): Promise<QuestionResult> {
  const started = performance.now();
  const answer = await assistant.ask(q.q, { surface: 'eval', now, history: [...history] });
  const refused = answer.outcome === 'not_found' && answer.citations.length === 0;
  return {
    id: q.id,
    lang: q.lang,
    answerable: q.answerable,
    detectedLang: answer.language,
    evidenceRank: q.answerable ? evidenceRank(answer, q.evidence) : null,
    factsOk: q.answerable ? !refused && q.facts.every((f) => containsFact(answer.text, f)) : null,
    refused,
    mode: answer.mode,
    answer: answer.text,
    citedDocs: [...new Set(answer.citations.map((c) => c.docId))],
    ...(answer.direct ? { direct: answer.direct } : {}),
    ms: performance.now() - started,
    ...(history.length ? { query: answer.standaloneQuestion } : {}),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '  –  ' : `${(x * 100).toFixed(0).padStart(4)}%`);

export function formatReport(report: EvalReport): string {
  const header = 'lang     n  ans   hit@1  hit@5    MRR  facts  facts|ret  refusal  false-ref  lang-id';
  const row = (name: string, m: Metrics) =>
    `${name.padEnd(7)}${String(m.questions).padStart(3)}${String(m.answerable).padStart(5)}  ${pct(m.hit1)}  ${pct(m.hit5)}  ${Number.isNaN(m.mrr) ? '  – ' : m.mrr.toFixed(2).padStart(5)}  ${pct(m.factAccuracy)}      ${pct(m.factAccuracyRetrieved)}    ${pct(m.refusalAccuracy)}      ${pct(m.falseRefusals)}    ${pct(m.languageAccuracy)}`;
  const lines = [header, ...Object.entries(report.perLanguage).map(([l, m]) => row(l, m)), row('overall', report.overall)];
  if (report.byTurn) {
    lines.push('', 'by turn (single questions count as first turns):', row('first', report.byTurn.first), row('later', report.byTurn.followUp));
    lines.push(`later turns refused only because of the conversation: ${report.byTurn.refusedBecauseOfHistory}`);
  }
  return lines.join('\n');
}
