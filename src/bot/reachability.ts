// Says when Telegram cannot be reached, at once and once: an API transformer next to the network sees every
// attempt (the retries included), logs one line when calls start failing (what, where, and that it keeps
// retrying) and one when they work again, and reports a refused token (401), after which retrying is pointless.
import type { Transformer } from 'grammy';
import type { Logger } from '../log.ts';

export function reachability(log: Logger, apiRoot: string, onTokenRefused: () => void): Transformer {
  let down = false;
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (down) {
        down = false;
        log.info(`Telegram reachable again at ${apiRoot}`);
      }
      if (!result.ok && result.error_code === 401) onTokenRefused();
      return result;
    } catch (err) {
      if (!signal?.aborted && !down) {
        down = true;
        log.error(`cannot reach Telegram at ${apiRoot} (${why(err)}); retrying with growing pauses until it answers`);
      }
      throw err;
    }
  };
}

/** The network's own word for the failure (ECONNREFUSED, ENOTFOUND, a timeout), never a URL with the token. */
function why(err: unknown): string {
  let e = err as { error?: unknown; cause?: unknown; code?: string; name?: string; message?: string } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e.code) return e.code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'no answer in time';
    e = (e.cause ?? e.error) as typeof e;
  }
  return 'network error';
}
