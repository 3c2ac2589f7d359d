// Telegram signs each webhook call with the secret token set by setWebhook; the Bot API emulator used in the
// tests does not. This stand-in sits between them: it takes the emulator's POST and forwards it to the bot with
// the header Telegram would add (the bot refuses unsigned updates).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SigningProxy {
  /** what to give the bot as WEBHOOK_URL (the emulator calls it) */
  url: string;
  close(): Promise<void>;
}

export async function signingProxy(target: string, secret: string, path = '/telegram'): Promise<SigningProxy> {
  const server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (p: Buffer) => parts.push(p));
    req.on('end', () => {
      fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret }, body: Buffer.concat(parts) })
        .then(async (r) => res.writeHead(r.status, { 'content-type': 'application/json' }).end(Buffer.from(await r.arrayBuffer())))
        .catch(() => res.writeHead(502).end());
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
