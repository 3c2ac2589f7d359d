// A minimal Bot API stand-in for the load benchmark: it answers the calls the bot makes (getMe, setWebhook,
// sendMessage …), plays Telegram by POSTing users' updates to the bot's webhook with the secret token, and
// resolves each user's wait when the bot sends a message to that chat. telegram-test-api's clients poll every
// 5 ms each, which at a thousand users measures the emulator, not the bot.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Sent {
  chatId: number;
  text: string;
}

export class BotApiStandIn {
  private server!: http.Server;
  /** every replica's webhook: updates go to them in turn, as a load balancer would send them */
  private webhooks: { url: string; secret?: string }[] = [];
  private turn = 0;
  private waiting = new Map<number, ((sent: Sent) => void)[]>();
  private nextUpdate = 1;
  private nextMessage = 1;
  apiRoot = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const parts: Buffer[] = [];
      req.on('data', (p: Buffer) => parts.push(p));
      req.on('end', () => {
        const method = req.url!.split('/').pop()!;
        const payload = parts.length ? JSON.parse(Buffer.concat(parts).toString('utf8')) : {};
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, result: this.call(method, payload) }));
      });
    });
    await new Promise<void>((r) => this.server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, r));
    this.apiRoot = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private call(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case 'getMe':
        return { id: 4242, is_bot: true, first_name: 'GovQA', username: 'govqa_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true };
      case 'setWebhook':
        this.webhooks = [...this.webhooks.filter((w) => w.url !== p.url), { url: p.url, secret: p.secret_token }];
        return true;
      case 'sendMessage': {
        const chatId = Number(p.chat_id);
        const waiter = this.waiting.get(chatId)?.shift();
        waiter?.({ chatId, text: p.text });
        return { message_id: this.nextMessage++, date: 0, chat: { id: chatId, type: 'private' }, text: p.text };
      }
      default:
        return true;
    }
  }

  /** Resolves once `count` bots (replicas) have registered their webhooks. */
  async webhookSet(count = 1): Promise<void> {
    while (this.webhooks.length < count) await new Promise((r) => setTimeout(r, 50));
  }

  /** Forgets the registered webhooks (the next bots register theirs). */
  resetWebhooks(): void {
    this.webhooks = [];
  }

  /** A user sends `text`; resolves with what the bot sent back first (or null after `timeoutMs`). */
  async ask(userId: number, text: string, timeoutMs = 30_000): Promise<Sent | null> {
    const reply = new Promise<Sent | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      const list = this.waiting.get(userId) ?? [];
      list.push((sent) => (clearTimeout(timer), resolve(sent)));
      this.waiting.set(userId, list);
    });
    const entities = text.startsWith('/') ? [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }] : undefined;
    const update = {
      update_id: this.nextUpdate++,
      message: { message_id: this.nextMessage++, date: Math.floor(Date.now() / 1000), chat: { id: userId, type: 'private', first_name: 'U' }, from: { id: userId, is_bot: false, first_name: 'U', language_code: 'ru' }, text, entities },
    };
    // Telegram waits for the bot's answer to the webhook call, but a user waits for the message: time that
    const hook = this.webhooks[this.turn++ % this.webhooks.length];
    void fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(hook.secret && { 'x-telegram-bot-api-secret-token': hook.secret }) }, body: JSON.stringify(update) }).catch(() => {});
    return reply;
  }

  /** Forgets the replies nobody waits for (a flood's rate-limit notices). */
  clear(): void {
    this.waiting.clear();
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}
