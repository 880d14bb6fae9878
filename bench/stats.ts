/** Percentiles, query runners and plain-text tables for the benchmark. */

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  n: number;
}

export function percentiles(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => (s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}

/** Runs fn(0..n-1) one after the other; latency of each call in ms. */
export async function sequential(n: number, fn: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/**
 * Runs fn(0..n-1) in waves of `width` calls issued at the same instant; the latency of a call is from
 * its wave's start to its own end, so a runtime that serialises the calls shows it.
 */
export async function waves(n: number, width: number, fn: (i: number) => unknown): Promise<{ latencies: number[]; qps: number }> {
  const out: number[] = [];
  const started = performance.now();
  for (let i = 0; i < n; i += width) {
    const t = performance.now();
    await Promise.all(
      Array.from({ length: Math.min(width, n - i) }, async (_, j) => {
        await fn(i + j);
        out.push(performance.now() - t);
      }),
    );
  }
  return { latencies: out, qps: (n / (performance.now() - started)) * 1000 };
}

export function ms(x: number | null | undefined, digits = 1): string {
  if (x == null || Number.isNaN(x)) return '–';
  if (x >= 1000) return `${(x / 1000).toFixed(2)} s`;
  return x.toFixed(x < 10 ? digits + 1 : digits);
}

export function ratio(a: number | null | undefined, b: number | null | undefined): string {
  if (a == null || b == null || !b || Number.isNaN(a) || Number.isNaN(b)) return '–';
  const r = a / b;
  return `${r < 0.1 ? r.toPrecision(2) : r.toFixed(2)}×`;
}

export function rate(x: number | null | undefined): string {
  if (x == null || Number.isNaN(x)) return '–';
  return x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1);
}

export function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** A Markdown table (also readable as plain text). */
export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  const sep = `|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]), sep, ...cells.slice(1).map(line)].join('\n');
}
