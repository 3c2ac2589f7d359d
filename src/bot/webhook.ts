// The webhook server: reads each request itself, so that a body that is not JSON, is cut off mid-way or is too
// large gets a 4xx and the process goes on serving (grammY's own http adapter throws from a stream callback,
// which ends the process). Every update must carry the secret token, checked (in constant time) before the body
// is read.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { webhookCallback, type Bot, type Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../log.ts';

/** Telegram's updates are a few KB; anything near this is not one. */
export const MAX_UPDATE_BYTES = 1024 * 1024;
/** answer Telegram before its own timeout; the update is still handled to the end */
const HANDLER_TIMEOUT_MS = 9000;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface WebhookOptions {
  path: string;
  /** required: an update without it is not processed */
  secretToken: string;
  log: Logger;
  /** what /healthz reports besides being up: the state of each dependency */
  health?: () => Record<string, string>;
}

export function webhookServer(bot: Bot<Context>, options: WebhookOptions): http.Server {
  const { log, secretToken } = options;
  if (!secretToken) throw new Error('a webhook needs a secret token: an unsigned update could come from anyone');
  const handle = webhookCallback(
    bot,
    (update: Update, res: http.ServerResponse) => ({
      update,
      header: secretToken, // checked below, before the body is read
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(json),
      unauthorized: () => res.writeHead(401).end(),
    }),
    { secretToken, onTimeout: 'return', timeoutMilliseconds: HANDLER_TIMEOUT_MS },
  );

  return http.createServer((req, res) => {
    const pathname = req.url?.split('?')[0];
    if (req.method === 'GET' && pathname === '/healthz') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, ...options.health?.() }));
    }
    if (req.method !== 'POST' || pathname !== options.path) return void res.writeHead(404).end();
    if (!sameSecret(req.headers[SECRET_HEADER], secretToken)) {
      log.warn('webhook request with a wrong secret token refused', { from: req.socket.remoteAddress });
      return void drop(req, res, 401);
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_UPDATE_BYTES) return void drop(req, res, 413);
    readBody(req).then(
      (body) => {
        let update: Update;
        try {
          update = JSON.parse(body);
          if (typeof update?.update_id !== 'number') throw new Error('no update_id');
        } catch (err) {
          log.warn('webhook body is not an update', { err: String((err as Error).message) });
          return void res.writeHead(400).end();
        }
        Promise.resolve(handle(update, res)).catch((err: unknown) => {
          log.error('webhook update failed', { update_id: update.update_id, err });
          if (!res.headersSent) res.writeHead(200).end(); // handled as far as it goes: Telegram must not resend it
        });
      },
      (why: number) => drop(req, res, why),
    );
  });
}

/** Compares in constant time, so that the secret cannot be found a character at a time by timing. */
function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request body as text; rejects with an HTTP status when it is too large (413) or cut off (400). */
function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (part: Buffer) => {
      size += part.length;
      if (size > MAX_UPDATE_BYTES) reject(413);
      else parts.push(part);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('aborted', () => reject(400));
    req.on('error', () => reject(400));
  });
}

/** Answers with `status` (if the client is still there), then closes the connection: the rest is not read. */
function drop(req: http.IncomingMessage, res: http.ServerResponse, status: number) {
  req.removeAllListeners('data');
  if (res.headersSent || res.destroyed) return void req.destroy();
  res.on('finish', () => req.destroy());
  res.writeHead(status, { connection: 'close' }).end();
}
