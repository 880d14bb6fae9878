/**
 * Measures the generative path with a real local GGUF model (SOGA_LLM_PROVIDER=local) on a question
 * set in the format of shared/eval/dev-questions.jsonl: fact accuracy, how often the model's reply
 * passes the citation verifier, how often (and why) the answer falls back to extractive, refusal
 * accuracy, answer language, and median/p95 answer time on this machine.
 *
 *   bash scripts/provision-local-llm.sh          # once: .models/gemma-3-270m-q4_k_m.gguf
 *   npm run eval:local-llm                       # every dev question
 *   npm run eval:local-llm -- --langs fr,en --timeout-ms 20000 --max-tokens 160 --threads 2 --json out.json
 *
 * Options (each also read from the SOGA_* variable in brackets, then the config defaults):
 *   --model PATH        GGUF file [SOGA_LLM_MODEL_PATH] (default .models/gemma-3-270m-q4_k_m.gguf)
 *   --questions FILE    JSONL question set (default ../shared/eval/dev-questions.jsonl)
 *   --langs fr,en       only these question languages
 *   --timeout-ms N      generation time limit [SOGA_LLM_TIMEOUT_MS]
 *   --max-tokens N      answer length limit [SOGA_LLM_MAX_TOKENS]
 *   --threads N         CPU threads, 0 = one fewer than the cores [SOGA_LLM_THREADS]
 *   --context-size N    [SOGA_LLM_CONTEXT_SIZE]
 *   --output json|text  how the model writes [SOGA_LLM_OUTPUT]
 *   --passages N        passages the model reads [SOGA_LLM_PASSAGES]
 *   --passage-chars N   characters of each [SOGA_LLM_PASSAGE_CHARS]
 *   --extractive        no model: the extractive default on the same questions (the baseline)
 *   --replay FILE       no model: the replies a real model gave in an earlier run (its --json FILE),
 *                       run again through today's checks (same questions, same index; a question
 *                       whose prompt differs from the recorded one is flagged)
 *   --json FILE         also write every answer and the summary as JSON
 *
 * The index is built in a temporary folder from the corpus (SOGA_CORPUS_DIR, default ./corpus) with
 * lexical retrieval only (SOGA_EMBED_PROVIDER=none unless set). The helpers below are shared with
 * test/infra/llama-cpp-chat-model.int.test.ts so that both count the paths the same way.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config/load.js';
import { answerProse } from '../src/core/answer/answer-language.js';
import { verifyCitations } from '../src/core/answer/citations.js';
import type { ChatMessage, ChatModel, GenerateOptions, LanguageDetector } from '../src/core/ports.js';
import { normalizeText } from '../src/core/text/normalize.js';
import type { Answer, FusedHit } from '../src/core/types.js';
import { readQuestions, type EvalQuestion } from '../src/eval/evaluate.js';
import type { Runtime } from '../src/main/runtime.js';
import { LlamaCppChatModel, autoThreads } from '../src/infra/llama-cpp-chat-model.js';
import { SogaError } from '../src/core/errors.js';
import { readFile } from 'node:fs/promises';

/**
 * A chat model that gives, for each question, the replies a real model gave to it in an earlier run
 * (recorded by --json), so that changed checks can be measured on real replies without hours of CPU.
 * A recorded failure ("(LLM_TIMEOUT …)") is thrown again with its code.
 */
export class ReplayChatModel implements ChatModel {
  readonly modelId: string;
  private queue: string[] = [];
  private recordedChars: number[] = [];
  /** Questions whose prompt is not the one recorded (retrieval changed since): their replay is not like for like. */
  readonly mismatched = new Set<string>();
  private current = '';
  constructor(
    private readonly recorded: Map<string, { raw: string[]; promptChars: number[] }>,
    modelId: string,
  ) {
    this.modelId = `replay of ${modelId}`;
  }
  startQuestion(id: string): void {
    this.current = id;
    this.queue = [...(this.recorded.get(id)?.raw ?? [])];
    this.recordedChars = [...(this.recorded.get(id)?.promptChars ?? [])];
  }
  generate(messages: ChatMessage[], options?: GenerateOptions): Promise<string> {
    const raw = this.queue.shift();
    const chars = messages.reduce((sum, m) => sum + m.content.length, 0);
    if (this.recordedChars.shift() !== chars) this.mismatched.add(this.current);
    if (raw === undefined) return Promise.reject(new SogaError('LLM_FAILED', `no recorded reply for ${this.current}`));
    const failure = raw.match(/^\((.*)\)$/s);
    if (failure) return Promise.reject(new SogaError(/time limit|LLM_TIMEOUT|timed out/i.test(failure[1]) ? 'LLM_TIMEOUT' : 'LLM_FAILED', failure[1]));
    options?.onToken?.(raw);
    return Promise.resolve(raw);
  }
}

export const DEFAULT_MODEL_PATH = '.models/gemma-3-270m-q4_k_m.gguf';

/** One call of the chat model as the assistant made it: what came back, or what went wrong. */
export interface ModelCall {
  raw?: string;
  /** Characters of the messages sent (the prompt). */
  promptChars: number;
  error?: string;
  ms: number;
  /** performance.now() when the model produced its first token (streaming calls only). */
  firstTokenAt?: number;
}

/**
 * Records every call the assistant makes to `chat` (observation only: arguments and results pass
 * through unchanged). The assistant holds the same object, so the wrapper sees its calls.
 */
export function recordCalls(chat: ChatModel): { take(): ModelCall[] } {
  let calls: ModelCall[] = [];
  const original = chat.generate.bind(chat);
  (chat as { generate: ChatModel['generate'] }).generate = async (messages, options?: GenerateOptions) => {
    const started = performance.now();
    const promptChars = messages.reduce((sum, m) => sum + m.content.length, 0);
    let firstTokenAt: number | undefined;
    const onToken = options?.onToken;
    const observed = onToken
      ? {
          ...options,
          onToken: (token: string) => {
            firstTokenAt ??= performance.now();
            onToken(token);
          },
        }
      : options;
    try {
      const raw = await original(messages, observed);
      calls.push({ raw, promptChars, ms: performance.now() - started, firstTokenAt });
      return raw;
    } catch (error) {
      calls.push({ error: String((error as Error)?.message ?? error), promptChars, ms: performance.now() - started, firstTokenAt });
      throw error;
    }
  };
  return {
    take() {
      const out = calls;
      calls = [];
      return out;
    },
  };
}

export type AnswerPath = 'generative' | 'fallback' | 'model-no-answer' | 'refused' | 'other';
export type FallbackKind = 'timeout' | 'model-failed' | 'model-no-answer' | 'prompt-leak' | 'citation-check' | 'claim-check' | 'wrong-language' | 'mixed-language' | 'less-informative' | 'other';

export function fallbackKind(reason: string): FallbackKind {
  if (reason === 'LLM_TIMEOUT') return 'timeout';
  if (reason === 'LLM_FAILED') return 'model-failed';
  // NO_ANSWER when the model may not refuse (SOGA_LLM_MAY_REFUSE=false): the extractive answer instead.
  if (reason === 'model found no answer in the passages') return 'model-no-answer';
  if (reason.startsWith('answer repeated the system prompt')) return 'prompt-leak';
  if (reason.startsWith('citation check failed')) return 'citation-check';
  if (reason.startsWith('answer is in another language') || reason.startsWith('answer is in ')) return 'wrong-language';
  if (reason.startsWith('answer mixes')) return 'mixed-language';
  // Checked, but says less than the extractive answer would (core/answer/as-informative.ts).
  if (reason.startsWith('answer is less informative')) return 'less-informative';
  // The claim checks (core/answer/claims.ts): unsupported facts, no value asked for, markers only, the question restated.
  if (/^(no sentence of the answer|answer does not give|answer is only citation markers|answer only restates|answer is empty)/.test(reason)) return 'claim-check';
  return 'other';
}

/** Which way the answer went: verified generation, extractive fallback, or a refusal (before or by the model). */
export function answerPath(answer: Answer, calls: ModelCall[]): AnswerPath {
  if (answer.mode === 'generative') return 'generative';
  if (answer.mode === 'extractive' && answer.fallbackReason) return 'fallback';
  if (answer.outcome === 'not_found') return calls.some((c) => c.raw !== undefined) ? 'model-no-answer' : 'refused';
  return 'other';
}

/**
 * Runs the citation verifier again on a generated answer as delivered: its [n] are renumbered to its
 * citations, so the passages are the cited ones in that order. Every marker must name one and every
 * quoted span must be in a cited passage. Extractive answers are built from the passages by the
 * engine (lists are joined on one line, so their quotes are not byte-for-byte): only their markers
 * are checked.
 */
export function recheckCitations(answer: Answer): { ok: boolean; problems: string[] } {
  const markers = [...answer.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const stray = markers.filter((n) => n < 1 || n > answer.citations.length);
  if (stray.length) return { ok: false, problems: stray.map((n) => `[${n}] names no citation`) };
  if (answer.mode !== 'generative') return { ok: true, problems: [] };
  const hits = answer.citations.map((c) => answer.retrieved.find((h) => h.chunk.id === c.chunkId));
  if (hits.some((h) => !h)) return { ok: false, problems: ['a citation names a passage that was not retrieved'] };
  // The model's words are re-verified; the extractive quotes under them are the passages' sentences as rendered (lists joined).
  const check = verifyCitations(answer.modelText ?? answer.text, hits as FusedHit[]);
  return { ok: check.ok && check.problems.length === 0, problems: check.problems };
}

export function containsFact(text: string, fact: string): boolean {
  const t = normalizeText(text);
  return fact.split('|').some((alt) => t.includes(normalizeText(alt)));
}

/** Language of a generated answer, judged on its own words (as the core does: no markers, quotes or titles). */
export function answerLanguage(answer: Answer, detector: LanguageDetector): string {
  if (answer.mode !== 'generative') return answer.language;
  return detector.detect(
    answerProse(
      answer.text,
      answer.citations.map((c) => c.title),
    ),
  ).lang;
}

export interface QuestionRun {
  id: string;
  lang: string;
  answerable: boolean;
  path: AnswerPath;
  fallbackReason?: string;
  fallbackKind?: FallbackKind;
  answerLang: string;
  factsOk: boolean | null;
  refusedOk: boolean | null;
  citationsOk: boolean;
  ms: number;
  /** CPU time of this process (llama.cpp's threads included) for the question: unlike ms, it does not grow with other programs' load. */
  cpuMs: number;
  /** The machine's 1-minute load average when the answer came: what makes ms larger than cpuMs. */
  load1: number;
  answerMs: number;
  modelMs: number;
  /** From the question to the first generated token (retrieval and prompt evaluation); null if none came. */
  firstTokenMs: number | null;
  /** From the question to the first token a streaming surface was shown (after the stream guard); null if none. */
  firstShownMs: number | null;
  /** What a streaming surface was shown (AskContext.onToken) before the checked answer replaced it. */
  streamed: string;
  raw: string[];
  text: string;
  /** Sentences of the reply the claim checks removed, with why. */
  removed: { text: string; reason: string }[];
  /** Characters of the prompt of each model call. */
  promptChars: number[];
}

export function quantile(values: number[], q: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarize(runs: QuestionRun[]) {
  const ans = runs.filter((r) => r.answerable);
  const unans = runs.filter((r) => !r.answerable);
  const reachedModel = runs.filter((r) => r.path === 'generative' || r.path === 'fallback' || r.path === 'model-no-answer');
  // Replies the verifier judged: the model answered in time, and not with NO_ANSWER.
  const judged = runs.filter(
    (r) => r.path === 'generative' || (r.path === 'fallback' && ['citation-check', 'claim-check', 'prompt-leak', 'wrong-language', 'mixed-language', 'less-informative'].includes(r.fallbackKind!)),
  );
  const fallbacks = runs.filter((r) => r.path === 'fallback');
  const reasons: Record<string, number> = {};
  for (const r of fallbacks) reasons[r.fallbackKind!] = (reasons[r.fallbackKind!] ?? 0) + 1;
  const share = (n: number, d: number) => (d ? n / d : NaN);
  const times = runs.map((r) => r.ms);
  return {
    questions: runs.length,
    factAccuracy: share(ans.filter((r) => r.factsOk).length, ans.length),
    factAccuracyGenerative: share(ans.filter((r) => r.path === 'generative' && r.factsOk).length, ans.filter((r) => r.path === 'generative').length),
    reachedModel: reachedModel.length,
    generative: runs.filter((r) => r.path === 'generative').length,
    verificationPassRate: share(runs.filter((r) => r.path === 'generative').length, judged.length),
    fallbackRate: share(fallbacks.length, reachedModel.length),
    fallbackReasons: reasons,
    modelNoAnswer: runs.filter((r) => r.path === 'model-no-answer').length,
    refusalAccuracy: share(unans.filter((r) => r.refusedOk).length, unans.length),
    // Replies the checks discarded after part of them had been streamed to the asker.
    discardedAfterStreaming: runs.filter((r) => r.path !== 'generative' && r.streamed.length > 0).length,
    falseRefusals: share(ans.filter((r) => r.path === 'refused' || r.path === 'model-no-answer').length, ans.length),
    answerLanguageAccuracy: share(runs.filter((r) => r.answerLang === r.lang).length, runs.length),
    citationsRecheckOk: share(runs.filter((r) => r.citationsOk).length, runs.length),
    medianFirstTokenMs: quantile(
      runs.flatMap((r) => (r.firstTokenMs === null ? [] : [r.firstTokenMs])),
      0.5,
    ),
    medianFirstShownMs: quantile(
      runs.flatMap((r) => (r.firstShownMs === null ? [] : [r.firstShownMs])),
      0.5,
    ),
    medianPromptChars: quantile(
      runs.flatMap((r) => r.promptChars),
      0.5,
    ),
    sentencesRemoved: runs.reduce((sum, r) => sum + r.removed.length, 0),
    medianCpuMs: quantile(
      runs.map((r) => r.cpuMs),
      0.5,
    ),
    p95CpuMs: quantile(
      runs.map((r) => r.cpuMs),
      0.95,
    ),
    medianMs: quantile(times, 0.5),
    p95Ms: quantile(times, 0.95),
    maxMs: Math.max(...times),
  };
}

export async function runQuestion(runtime: Runtime, calls: { take(): ModelCall[] }, q: EvalQuestion, now: Date): Promise<QuestionRun> {
  calls.take();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let firstShownMs: number | null = null;
  let streamed = '';
  const answer = await runtime.engine.ask(q.q, {
    surface: 'eval',
    now,
    onToken: (token) => {
      firstShownMs ??= performance.now() - started;
      streamed += token;
    },
  });
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const made = calls.take();
  const firstAt = made.find((c) => c.firstTokenAt !== undefined)?.firstTokenAt;
  const p = answerPath(answer, made);
  const refused = answer.outcome === 'not_found' && answer.citations.length === 0;
  return {
    id: q.id,
    lang: q.lang,
    answerable: q.answerable,
    path: p,
    fallbackReason: answer.fallbackReason,
    fallbackKind: answer.fallbackReason ? fallbackKind(answer.fallbackReason) : undefined,
    answerLang: answerLanguage(answer, runtime.detector),
    factsOk: q.answerable ? !refused && q.facts.every((f) => containsFact(answer.text, f)) : null,
    refusedOk: q.answerable ? null : refused,
    citationsOk: recheckCitations(answer).ok,
    ms,
    cpuMs: (used.user + used.system) / 1000,
    load1: loadavg()[0],
    answerMs: answer.timings.answerMs,
    modelMs: made.reduce((s, c) => s + c.ms, 0),
    firstTokenMs: firstAt === undefined ? null : firstAt - started,
    firstShownMs,
    streamed,
    raw: made.map((c) => c.raw ?? `(${c.error})`),
    text: answer.text,
    removed: answer.removed ?? [],
    promptChars: made.map((c) => c.promptChars),
  };
}

const pct = (x: number) => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(0)}%`);
const sec = (ms: number) => (Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      model: { type: 'string' },
      questions: { type: 'string', default: path.resolve('../shared/eval/dev-questions.jsonl') },
      langs: { type: 'string' },
      'timeout-ms': { type: 'string' },
      'max-tokens': { type: 'string' },
      threads: { type: 'string' },
      'context-size': { type: 'string' },
      output: { type: 'string' },
      passages: { type: 'string' },
      'passage-chars': { type: 'string' },
      extractive: { type: 'boolean', default: false },
      replay: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const env = process.env;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'soga-eval-llm-'));
  const config = parseConfig({
    ...Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('SOGA_'))),
    SOGA_DATA_DIR: dataDir,
    SOGA_EMBED_PROVIDER: env.SOGA_EMBED_PROVIDER ?? 'none',
    SOGA_LOG_ENABLED: 'false',
    // --extractive: the same questions, index and clock without a model, for the comparison.
    SOGA_LLM_PROVIDER: values.extractive ? 'none' : 'local',
    SOGA_LLM_MODEL_PATH: values.replay ? 'replay' : (values.model ?? env.SOGA_LLM_MODEL_PATH ?? DEFAULT_MODEL_PATH),
    SOGA_LLM_TIMEOUT_MS: values['timeout-ms'] ?? env.SOGA_LLM_TIMEOUT_MS,
    SOGA_LLM_MAX_TOKENS: values['max-tokens'] ?? env.SOGA_LLM_MAX_TOKENS,
    SOGA_LLM_THREADS: values.threads ?? env.SOGA_LLM_THREADS,
    SOGA_LLM_CONTEXT_SIZE: values['context-size'] ?? env.SOGA_LLM_CONTEXT_SIZE,
    SOGA_LLM_OUTPUT: values.output ?? env.SOGA_LLM_OUTPUT,
    SOGA_LLM_PASSAGES: values.passages ?? env.SOGA_LLM_PASSAGES,
    SOGA_LLM_PASSAGE_CHARS: values['passage-chars'] ?? env.SOGA_LLM_PASSAGE_CHARS,
  });
  const warnings: string[] = [];
  // LanceDB's native logger reads this when it loads: keep its deprecation notices off the report.
  process.env.LANCEDB_LOG ??= 'error';
  const { createRuntime } = await import('../src/main/runtime.js');
  try {
    let t = performance.now();
    let replay: ReplayChatModel | undefined;
    if (values.replay) {
      const earlier = JSON.parse(await readFile(values.replay, 'utf8')) as { model: string; runs: QuestionRun[] };
      replay = new ReplayChatModel(new Map(earlier.runs.map((r) => [r.id, { raw: r.raw, promptChars: r.promptChars }])), earlier.model);
    }
    const runtime = await createRuntime(config, { log: (m) => warnings.push(m), chat: replay });
    const loadMs = performance.now() - t;
    t = performance.now();
    await runtime.ingest();
    const ingestMs = performance.now() - t;
    const langs = values.langs?.split(',').map((l) => l.trim());
    const questions = (await readQuestions(values.questions)).filter((q) => !langs || langs.includes(q.lang));
    const calls = runtime.chat ? recordCalls(runtime.chat) : { take: (): ModelCall[] => [] };
    process.stderr.write(
      `model ${runtime.chat?.modelId ?? 'none (extractive)'} loaded in ${sec(loadMs)}; index built in ${sec(ingestMs)}; ${questions.length} questions; time limit ${config.SOGA_LLM_TIMEOUT_MS} ms, max ${config.SOGA_LLM_MAX_TOKENS} tokens, threads ${config.SOGA_LLM_THREADS || `auto (${autoThreads()})`}, context ${config.SOGA_LLM_CONTEXT_SIZE}, output ${config.SOGA_LLM_OUTPUT}, ${config.SOGA_LLM_PASSAGES} passages of ≤ ${config.SOGA_LLM_PASSAGE_CHARS} characters\n`,
    );
    const runs: QuestionRun[] = [];
    // The runtime's clock: SOGA_TODAY when set (the time set needs it), else today.
    const now = runtime.clock.now();
    const report = () => ({
      model: runtime.chat?.modelId ?? 'none (extractive)',
      today: now.toISOString().slice(0, 10),
      questions: values.questions,
      config: {
        timeoutMs: config.SOGA_LLM_TIMEOUT_MS,
        maxTokens: config.SOGA_LLM_MAX_TOKENS,
        threads: config.SOGA_LLM_THREADS,
        contextSize: config.SOGA_LLM_CONTEXT_SIZE,
        output: config.SOGA_LLM_OUTPUT,
        passages: config.SOGA_LLM_PASSAGES,
        passageChars: config.SOGA_LLM_PASSAGE_CHARS,
      },
      loadMs,
      ingestMs,
      complete: runs.length === questions.length,
      ...(replay ? { replayed: values.replay, promptMismatch: [...replay.mismatched] } : {}),
      summary: runs.length ? summarize(runs) : null,
      runs,
      warnings,
    });
    for (const q of questions) {
      replay?.startQuestion(q.id);
      const run = await runQuestion(runtime, calls, q, now);
      runs.push(run);
      // Written after every question: a run of hours that is stopped keeps what it measured.
      if (values.json) await writeFile(values.json, JSON.stringify(report(), null, 2));
      const facts = run.factsOk === null ? (run.refusedOk ? 'refused ok' : 'NOT refused') : run.factsOk ? 'facts ok' : 'facts missing';
      process.stdout.write(
        `${run.id} ${run.lang} ${run.path.padEnd(15)} ${(run.fallbackKind ?? '').padEnd(14)} ${facts.padEnd(13)} answer-lang ${run.answerLang}${run.answerLang === run.lang ? '' : '(!)'}  ${sec(run.ms).padStart(7)} (cpu ${sec(run.cpuMs)}, load ${run.load1.toFixed(1)})\n`,
      );
    }
    const summary = summarize(runs);
    const lines = [
      '',
      `questions                        ${summary.questions} (${summary.reachedModel} reached the model)`,
      `fact accuracy (answerable)       ${pct(summary.factAccuracy)}   (of verified generative answers: ${pct(summary.factAccuracyGenerative)})`,
      `verified generative answers      ${summary.generative}`,
      `citation-verification pass rate  ${pct(summary.verificationPassRate)}   (of model replies judged by the verifier)`,
      `fallback rate                    ${pct(summary.fallbackRate)}   ${JSON.stringify(summary.fallbackReasons)}`,
      `model said NO_ANSWER             ${summary.modelNoAnswer}`,
      `refusal accuracy (unanswerable)  ${pct(summary.refusalAccuracy)}   false refusals ${pct(summary.falseRefusals)}`,
      `answer language right            ${pct(summary.answerLanguageAccuracy)}`,
      `streamed, then discarded         ${summary.discardedAfterStreaming}   (replies partly shown while streaming, then replaced)`,
      `citations re-verified            ${pct(summary.citationsRecheckOk)}`,
      `sentences removed (claims)       ${summary.sentencesRemoved}`,
      `prompt size                      median ${summary.medianPromptChars} characters`,
      `answer time                      median ${sec(summary.medianMs)}, p95 ${sec(summary.p95Ms)}, max ${sec(summary.maxMs)}`,
      `CPU time per answer              median ${sec(summary.medianCpuMs)}, p95 ${sec(summary.p95CpuMs)} (wall time on an idle core with --threads 1)`,
      `first generated token after      median ${sec(summary.medianFirstTokenMs)} (retrieval + reading the prompt)`,
      `first streamed token shown after median ${sec(summary.medianFirstShownMs)} (held back until it cannot be the rules or NO_ANSWER)`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.json) await writeFile(values.json, JSON.stringify(report(), null, 2));
    await runtime.close();
  } finally {
    await LlamaCppChatModel.unloadAll();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: unknown) => {
    process.stderr.write(`eval-local-llm: ${String((error as Error)?.message ?? error)}\n`);
    process.exit(1);
  });
}
