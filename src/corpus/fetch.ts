// Downloads a web page for `govqa add` and the bot's /add: http and https only, at most 20 MB, 20 s and 5
// redirects, and never an address inside the host's own network (loopback, private, link-local), checked on
// the address actually connected to, so that a name that resolves differently the second time cannot slip past.
import { ProblemError } from './problems.ts';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

export const FETCH_LIMITS = { maxBytes: 20 * 1024 * 1024, timeoutMs: 20_000, maxRedirects: 5 };

/** A URL that could not be read, and why (corpus/problems.ts). */
export class FetchError extends ProblemError {}

export interface Fetched {
  bytes: Uint8Array;
  /** the URL after redirects */
  url: string;
  /** media type without parameters, lower case («text/html») */
  type: string;
  charset?: string;
}

export interface FetchOptions {
  /** allow loopback and private addresses (tests; an intranet deployment) */
  allowPrivate?: boolean;
  limits?: Partial<typeof FETCH_LIMITS>;
}

/** Addresses that lead into the host's own network, or nowhere. */
const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96]] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv6');
}

export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return INTERNAL.check(mapped, 'ipv4');
  const family = isIP(address);
  if (!family) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** dns.lookup that refuses internal addresses: used as the socket's own lookup, so it judges what is connected to. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const usable = allowPrivate ? list : list.filter((a) => !isInternalAddress(a.address));
      if (!usable.length) {
        return callback(new FetchError({ code: 'internal', host: hostname }), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, usable);
      callback(null, usable[0].address, usable[0].family);
    });
  };
}

function checkUrl(raw: string, allowPrivate: boolean): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError({ code: 'notUrl' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError({ code: 'scheme', scheme: url.protocol });
  if (url.username || url.password) throw new FetchError({ code: 'credentials' });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && isIP(host) && isInternalAddress(host)) throw new FetchError({ code: 'internal', host });
  return url;
}

/** Fetches a URL, following redirects (each one checked as the first); FetchError says why it could not. */
export async function fetchPage(raw: string, options: FetchOptions = {}): Promise<Fetched> {
  const limits = { ...FETCH_LIMITS, ...options.limits };
  const allowPrivate = options.allowPrivate ?? false;
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  let url = checkUrl(raw, allowPrivate);
  for (let hop = 0; ; hop++) {
    const res = await get(url, allowPrivate, deadline, limits);
    if (res.location) {
      if (hop >= limits.maxRedirects) throw new FetchError({ code: 'redirects', max: limits.maxRedirects });
      url = checkUrl(new URL(res.location, url).href, allowPrivate);
      continue;
    }
    return { ...res.page!, url: url.href };
  }
}

interface Response {
  location?: string;
  page?: Omit<Fetched, 'url'>;
}

function get(url: URL, allowPrivate: boolean, signal: AbortSignal, limits: typeof FETCH_LIMITS): Promise<Response> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const fail = (err: unknown) => reject(describe(err, limits));
    const req = client.get(url, { lookup: guardedLookup(allowPrivate), signal, headers: { 'user-agent': 'govqa (document import)', accept: '*/*' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        return resolve({ location: res.headers.location });
      }
      if (status !== 200) {
        res.resume();
        return reject(new FetchError({ code: 'http', status }));
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      // settle before destroying: destroying emits 'aborted', which must not be the reason given
      if (declared > limits.maxBytes) {
        reject(tooLarge(limits));
        return void res.destroy();
      }
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (part: Buffer) => {
        size += part.length;
        if (size > limits.maxBytes) {
          reject(tooLarge(limits));
          res.destroy();
        } else parts.push(part);
      });
      res.on('error', fail);
      res.on('aborted', () => reject(new FetchError({ code: 'cutOff' })));
      res.on('end', () => {
        const [type, ...params] = String(res.headers['content-type'] ?? '').split(';');
        const charset = params.map((p) => /^\s*charset=["']?([\w-]+)/i.exec(p)?.[1]).find(Boolean);
        resolve({ page: { bytes: new Uint8Array(Buffer.concat(parts)), type: type.trim().toLowerCase(), charset } });
      });
    });
    req.on('error', fail);
  });
}

const tooLarge = (limits: typeof FETCH_LIMITS) => new FetchError({ code: 'fetchTooLarge', limitMb: limits.maxBytes / 2 ** 20 });

function describe(err: unknown, limits: typeof FETCH_LIMITS): FetchError {
  if (err instanceof FetchError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || e?.code === 'ABORT_ERR') return new FetchError({ code: 'timeout', seconds: limits.timeoutMs / 1000 });
  if (e?.code === 'ENOTFOUND' || e?.code === 'EAI_AGAIN') return new FetchError({ code: 'dns' });
  if (e?.code === 'ECONNREFUSED') return new FetchError({ code: 'refused' });
  return new FetchError({ code: 'fetch', detail: String(e?.code ?? e?.message ?? e) });
}
