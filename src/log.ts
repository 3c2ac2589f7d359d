// A small leveled logger to stderr, one line per event. Secrets (the bot token) are masked in every line,
// whatever an error message carries.
import type { Config } from './config.ts';

type Level = Config['logLevel'];
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: Level = 'info', secrets: (string | null | undefined)[] = [], write: (line: string) => unknown = (line) => process.stderr.write(line + '\n')): Logger {
  const masks = secrets.filter((s): s is string => !!s && s.length >= 8);
  const redact = (s: string) => masks.reduce((out, secret) => out.split(secret).join('***'), s);
  const emit = (lvl: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const extra = fields ? ' ' + JSON.stringify(fields, (_k, v) => (v instanceof Error ? `${v.name}: ${v.message}` : v)) : '';
    write(redact(`${new Date().toISOString()} ${lvl.toUpperCase()} ${msg}${extra}`));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
