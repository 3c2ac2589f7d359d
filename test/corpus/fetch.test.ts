// Downloads for `govqa add` and /add, against a loopback server: statuses, limits, redirects, schemes, and the
// rule that an address inside the host's network is refused unless allowed.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, isInternalAddress } from '../../src/corpus/fetch.ts';

let server: http.Server;
let base: string;
const hanging = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (hop) {
      const n = Number(hop[1]);
      return void res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/page' }).end();
    }
    switch (url.pathname) {
      case '/page':
        return void res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(Buffer.from([0xc0, 0xea, 0xe8, 0xec]));
      case '/missing':
        return void res.writeHead(404).end('no');
      case '/broken':
        return void res.writeHead(500).end('oops');
      case '/big':
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(Buffer.alloc(4096, 0x61));
      case '/big-chunked':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write(Buffer.alloc(3000, 0x61));
        return void res.end(Buffer.alloc(3000, 0x61));
      case '/to-file':
        return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      case '/hang':
        hanging.add(res); // never answers: the client's deadline ends it
        return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const why = (p: Promise<unknown>) => p.then(() => 'fetched', (err: Error) => `${err.constructor.name}: ${err.message}`);
const allow = { allowPrivate: true };

describe('fetchPage', () => {
  it('returns the bytes, media type and header charset, and the URL after redirects', async () => {
    const page = await fetchPage(`${base}/hop/2`, allow);
    expect(page).toMatchObject({ url: `${base}/page`, type: 'text/html', charset: 'windows-1251' });
    expect(new TextDecoder('windows-1251').decode(page.bytes)).toBe('Аким');
  });

  it('says which status a server answered', async () => {
    expect(await why(fetchPage(`${base}/missing`, allow))).toBe('FetchError: the server answered HTTP 404');
    expect(await why(fetchPage(`${base}/broken`, allow))).toBe('FetchError: the server answered HTTP 500');
  });

  it('keeps to its limits: size (declared or not), time, redirects', async () => {
    expect(await why(fetchPage(`${base}/big`, { ...allow, limits: { maxBytes: 1000 } }))).toBe('FetchError: too large: more than 0 MB');
    expect(await why(fetchPage(`${base}/big-chunked`, { ...allow, limits: { maxBytes: 5000 } }))).toMatch(/^FetchError: too large/);
    expect(await why(fetchPage(`${base}/hang`, { ...allow, limits: { timeoutMs: 200 } }))).toBe('FetchError: timed out after 0.2 s');
    expect(await why(fetchPage(`${base}/hop/4`, allow))).toBe('fetched'); // five redirects
    expect(await why(fetchPage(`${base}/hop/5`, allow))).toBe('FetchError: too many redirects (more than 5)');
  });

  it('refuses schemes other than http and https, also after a redirect', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.kz/a.pdf', 'javascript:alert(1)', 'data:text/html,hi']) {
      expect(await why(fetchPage(url, allow))).toMatch(/^FetchError: refused: only http and https URLs are read, not [a-z]+:$/);
    }
    expect(await why(fetchPage(`${base}/to-file`, allow))).toBe('FetchError: refused: only http and https URLs are read, not file:');
    expect(await why(fetchPage('not a url'))).toBe('FetchError: not a URL');
  });

  it('refuses addresses inside the host\'s network unless allowed, however they are written', async () => {
    const port = new URL(base).port;
    for (const host of ['127.0.0.1', 'localhost', '2130706433', '[::1]', '[::ffff:127.0.0.1]', '0.0.0.0']) {
      expect(await why(fetchPage(`http://${host}:${port}/page`))).toMatch(/^FetchError: refused: .* is an address inside this host's network$/);
    }
    expect(await why(fetchPage(`${base}/page`, allow))).toBe('fetched');
  });

  it('knows internal addresses', () => {
    for (const a of ['10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1']) expect(isInternalAddress(a)).toBe(true);
    for (const a of ['8.8.8.8', '95.56.1.1', '2a00:1450::1']) expect(isInternalAddress(a)).toBe(false);
  });
});
