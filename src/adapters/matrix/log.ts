/** Operator log lines of the Matrix bot, filtered by SOGA_LOG_LEVEL. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface MatrixLog {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export function createLog(level: LogLevel, write: (line: string) => void): MatrixLog {
  const at = (l: LogLevel) => (message: string) => {
    if (RANK[l] >= RANK[level]) write(`matrix ${l}: ${message}`);
  };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
