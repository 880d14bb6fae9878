/**
 * Records other platforms' optional native packages (LanceDB's and node-llama-cpp's prebuilt binaries for
 * macOS, Windows, ARM Linux…) in package-lock.json, so that `npm ci` accepts the lock file on every platform.
 *
 * Why: npm writes into the lock only the optional packages whose manifest it could fetch (npm/cli#4828,
 * #8320), and `npm ci` refuses a lock that lacks one a package asks for ("Missing: …@ from lock file").
 * The registry this project is built against does not always hold the other platforms' binaries at the
 * version pinned (no @lancedb/lancedb-darwin-arm64@0.37.1): such an entry is written with its version and
 * the platform fields (os, cpu, libc) of the newest version the registry has, and without an integrity
 * hash, which npm then computes on the machine that downloads it. The current platform never downloads
 * these entries: they are optional and for another os/cpu, so `npm ci` skips them.
 *
 * Run it after `npm install` changed the lock: `npx tsx scripts/lock-other-platforms.ts` (see docs/npm-ci.md).
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);
const LOCK = 'package-lock.json';

const entrySchema = z.looseObject({
  version: z.string().optional(),
  dev: z.boolean().optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
});
const lockSchema = z.looseObject({ lockfileVersion: z.literal(3), packages: z.record(z.string(), entrySchema) });
type Entry = z.infer<typeof entrySchema>;

const manifestSchema = z.looseObject({
  version: z.string(),
  os: z.array(z.string()).optional(),
  cpu: z.array(z.string()).optional(),
  libc: z.array(z.string()).optional(),
  license: z.string().optional(),
  engines: z.record(z.string(), z.string()).optional(),
  dist: z.looseObject({ integrity: z.string() }).optional(),
});
type Manifest = z.infer<typeof manifestSchema>;

/** `npm view NAME@VERSION --json`: the manifest, or undefined when the registry has no such version (E404 or empty output). */
async function view(spec: string): Promise<Manifest | undefined> {
  let stdout: string;
  try {
    ({ stdout } = await run('npm', ['view', spec, '--json'], { maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? '';
    if (/"code":\s*"E404"/.test(out)) return undefined;
    throw error;
  }
  if (!stdout.trim()) return undefined;
  const parsed: unknown = JSON.parse(stdout);
  // A range matching several versions prints an array; the last is the newest.
  return manifestSchema.parse(Array.isArray(parsed) ? parsed.at(-1) : parsed);
}

const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** Whether Node's lookup from the package at `from` finds `name`: its own node_modules, then each enclosing one. */
function resolves(packages: Record<string, unknown>, from: string, name: string): boolean {
  for (let dir = from; ;) {
    if (packages[`${dir ? `${dir}/` : ''}node_modules/${name}`]) return true;
    if (!dir) return false;
    const up = dir.lastIndexOf('/node_modules/');
    dir = up < 0 ? '' : dir.slice(0, up);
  }
}

async function main() {
  // Validated, but the raw object is what is written back: npm's key order stays as it is.
  const raw = JSON.parse(await readFile(LOCK, 'utf8')) as { packages: Record<string, unknown> };
  const { packages } = lockSchema.parse(raw);
  const added: string[] = [];
  const withoutIntegrity: string[] = [];
  for (const [location, parent] of Object.entries(packages)) {
    for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
      if (resolves(raw.packages, location, name)) continue;
      if (!EXACT.test(spec)) {
        console.warn(`skipped ${name}@${spec} (asked for by ${location || 'the root'}): not an exact version, nothing to pin`);
        continue;
      }
      const exact = await view(`${name}@${spec}`);
      const platform = exact ?? (await view(name));
      if (!platform) throw new Error(`${name} is not on the registry at all: cannot record its platform (os/cpu)`);
      const entry: Entry & Record<string, unknown> = { version: spec };
      if (exact?.dist) entry.integrity = exact.dist.integrity;
      else withoutIntegrity.push(`${name}@${spec} (platform fields from ${platform.version})`);
      if (platform.cpu) entry.cpu = platform.cpu;
      if (parent.dev) entry.dev = true;
      if (platform.libc) entry.libc = platform.libc;
      if (platform.license) entry.license = platform.license;
      entry.optional = true;
      if (platform.os) entry.os = platform.os;
      if (platform.engines) entry.engines = platform.engines;
      // Hoisted beside the others unless another version already sits there.
      const hoisted = `node_modules/${name}`;
      raw.packages[raw.packages[hoisted] ? `${location}/node_modules/${name}` : hoisted] = entry;
      added.push(`${name}@${spec}`);
    }
  }
  if (!added.length) {
    console.log('nothing to add: every optional package is in the lock file');
    return;
  }
  // npm orders the entries by locale comparison of their paths (the root "" first).
  raw.packages = Object.fromEntries(Object.entries(raw.packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
  await writeFile(LOCK, `${JSON.stringify(raw, null, 2)}\n`);
  console.log(`added ${added.length}: ${added.join(', ')}`);
  if (withoutIntegrity.length) console.log(`without integrity (not on this registry at that version): ${withoutIntegrity.join(', ')}`);
}

await main();
