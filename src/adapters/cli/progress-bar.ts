/** Ingestion progress on stderr (cli-progress); silent when stderr is not a terminal. */
import cliProgress from 'cli-progress';
import type { ProgressReporter } from '../../core/ports.js';

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  let bar: cliProgress.SingleBar | null = null;
  return {
    start(total, label) {
      if (!total) return;
      if (!stream.isTTY) {
        stream.write(`${label}: ${total} document(s)…\n`);
        return;
      }
      bar = new cliProgress.SingleBar({ stream, format: `${label} [{bar}] {value}/{total} documents`, hideCursor: true, clearOnComplete: false }, cliProgress.Presets.shades_classic);
      bar.start(total, 0);
    },
    tick(n = 1) {
      bar?.increment(n);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
