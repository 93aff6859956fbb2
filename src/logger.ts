import pino from 'pino';

/** JSON lines on stdout, one object per event. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'conflict-explorer' }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type Logger = ReturnType<typeof createLogger>;
