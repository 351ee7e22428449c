import {createServer, STATUS_CODES, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer as createTcpServer, type Socket} from 'node:net';
import {clampWidth, type Content} from './content';
import {faviconIco} from './favicon';
import type {Gate} from './limits';
import {oneLine, peerName, type SessionRecord} from './log';
import {chooseCoding, noneMatch, prefersHtml} from './negotiate';
import {MAX_HEADER_BYTES, TEXT_WIDTH, type Limits} from './options';
import {representation, representations, type Effort, type Encoded} from './representation';
import type {RunningServer} from './ssh';
import {messagesFor, type AppLanguage} from '../i18n/messages';
import {acceptedLanguage} from '../i18n/reader';

/**
 * The HTTP server (node:http): the résumé as a page, text, Markdown or JSON, and an icon, never
 * anything else from the file system. `GET /` is the HTML page for a client that prefers
 * `text/html` (a browser), else the text: coloured for the command-line clients that show ANSI
 * colour (curl, wget, HTTPie, xh), plain for everyone else. `/resume.txt` and `?format=text` are
 * plain for everyone, `/resume.html` and `?format=html` the page for everyone.
 */
export interface HttpDeps {
  content: Content;
  limits: Limits;
  gate: Gate;
  log(record: SessionRecord): void;
  /** Logs a socket refused at the gate (coalesced per address: src/serve/log.ts). */
  logRefusal(record: SessionRecord): void;
}

type Format = 'text' | 'markdown' | 'json' | 'html';
const TYPES: Record<Format | 'icon', string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  icon: 'image/x-icon',
};
// Maps, not objects: a name asked for is looked up among these keys alone (`?format=__proto__`,
// `constructor` and `toString` are not formats).
const PATHS = new Map<string, Format>([['/', 'text'], ['/resume.txt', 'text'], ['/resume.md', 'markdown'], ['/resume.json', 'json'], ['/resume.html', 'html']]);
const FORMATS = new Map<string, Format>([['text', 'text'], ['markdown', 'markdown'], ['json', 'json'], ['html', 'html']]);

/** User agents of terminal clients, which show ANSI colour: `curl/8.5.0`, `Wget/1.21`, `HTTPie/3.2`, `xh/0.22`. */
export const TERMINAL_AGENT = /^(curl|wget|httpie|xh)\//i;

/**
 * The headers of every answer. The policy lets the page load nothing at all but its own inline
 * style and images in `data:` or from this server: no script runs, no font or image comes from
 * elsewhere, no form goes anywhere, no other site frames it. `img-src 'self'` is for
 * /favicon.ico, which Firefox fetches under the policy of the page it shows
 * (https://github.com/w3c/webappsec-csp/issues/390); the text gets the same policy, as Firefox
 * applies it there too. No referrer: a reader's click on a contact link tells the other site
 * nothing about where the résumé is served.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** What a request asks, as far as the reply depends on it. */
export interface Ask {
  method: string;
  url: string;
  /** User-Agent. */
  agent?: string;
  /** Accept. */
  accept?: string;
}

/** An error (or a refusal): one line of text, in the language the request chose. */
export interface Refusal {
  status: number;
  type: string;
  body: string;
  allow?: string;
}

/** A form of the résumé to send (200, or 304 when the client has it). */
export interface Served {
  status: 200;
  type: string;
  body: string | Buffer;
  /** The name of this body among the server's representations: `html`, `plain:80`, `colored:60`, … */
  key: string;
  /** What the log calls it: `html`, `text`, `colored-text`, `markdown`, `json`, `icon`. */
  format: string;
  /** Request headers besides Accept-Encoding that chose this body among others at the same URL. */
  vary: string[];
  compressible: boolean;
  /** How hard to compress it: `fast` for text at a width other than the default (src/serve/representation.ts). */
  effort: Effort;
  cacheControl: string;
}

/** The favicon, made once on the first request for it (src/serve/favicon.ts). */
let icon: Buffer | undefined;

/**
 * The reply to one request, decided from its method, URL, user agent and Accept alone (pure).
 * What the server says itself (an error's line) is in `language`, the one the request's
 * Accept-Language chose; the résumé is the résumé, whoever asks.
 */
export function reply({method, url, agent, accept}: Ask, content: Content, language: AppLanguage = 'en'): Served | Refusal {
  const {say} = messagesFor(language);
  const plainError = (status: number, body: string) => ({status, type: TYPES.text, body: body + '\n'});
  const parsed = new URL(url, 'http://localhost');
  const isIcon = parsed.pathname === '/favicon.ico';
  const byPath = isIcon ? undefined : PATHS.get(parsed.pathname);
  if (byPath === undefined && !isIcon) return plainError(404, say('http.notFound'));
  if (method !== 'GET' && method !== 'HEAD') return {...plainError(405, say('http.method', {method})), allow: 'GET, HEAD'};
  // The icon never changes while the server runs: a day in the browser's cache.
  if (isIcon) return {status: 200, type: TYPES.icon, body: (icon ??= faviconIco()), key: 'icon', format: 'icon', vary: [], compressible: false, effort: 'best', cacheControl: 'max-age=86400'};
  const asked = parsed.searchParams.get('format');
  const named = asked === null ? undefined : FORMATS.get(asked);
  if (asked !== null && named === undefined) return plainError(400, say('http.format'));
  const widthText = parsed.searchParams.get('width');
  if (widthText !== null && !/^\d{1,6}$/.test(widthText)) return plainError(400, say('http.width'));
  const width = clampWidth(widthText === null ? TEXT_WIDTH : Number(widthText));
  // `/` with no format named is negotiated: the page for a client that prefers HTML, else the
  // text, coloured by user agent. Both headers choose the body: a cache must keep one per value.
  const negotiated = parsed.pathname === '/' && named === undefined;
  const format = named ?? (negotiated && prefersHtml(accept) ? 'html' : byPath!);
  const effort: Effort = format !== 'text' || width === TEXT_WIDTH ? 'best' : 'fast';
  const served = (key: string, label: string, body: string) => ({status: 200 as const, type: TYPES[format], body, key, format: label, vary: negotiated ? ['Accept', 'User-Agent'] : [], compressible: true, effort, cacheControl: 'no-cache'});
  if (format === 'html') return served('html', 'html', content.html());
  if (format === 'json') return served('json', 'json', content.json());
  if (format === 'markdown') return served('markdown', 'markdown', content.markdown());
  // Text asked for by name (`/resume.txt`, `?format=text`) is plain for everyone, so that
  // `curl HOST/resume.txt > cv.txt` saves clean text; `/` is coloured for terminal clients.
  const colored = negotiated && TERMINAL_AGENT.test(agent ?? '');
  return colored ? served(`colored:${width}`, 'colored-text', content.colored(width)) : served(`plain:${width}`, 'text', content.plain(width));
}

/** How long a refused socket may stay before it is cut off (its answer is sent at once). */
const REFUSED_LINGER_MS = 2_000;

/** A status line and a one-line body, for answers written on the socket itself (outside a request). */
function rawAnswer(status: number, body: string, extra = ''): string {
  const text = `${body}\n`;
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n${extra}Connection: close\r\n\r\n${text}`;
}

/** What a request node:http could not parse gets (its `clientError` code), and why, in a few words. */
export function malformed(code: string | undefined): {status: number; reason: string} {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return {status: 408, reason: 'the request did not arrive in time'};
  if (code === 'HPE_HEADER_OVERFLOW') return {status: 431, reason: 'the request head is too large'};
  return {status: 400, reason: `a malformed request (${code ?? 'unknown'})`};
}

export function startHttp(deps: HttpDeps, port: number, host: string): Promise<RunningServer> {
  const handler: Handler = {...deps, made: representations()};
  // The page is rendered now, once for this file, not on a reader's first request.
  deps.content.html();
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout: deps.limits.requestMs,
      // A socket that sends part of a head and then nothing is freed at this time.
      headersTimeout: deps.limits.requestMs,
      keepAliveTimeout: 5_000,
      // Node checks those timeouts every 30 s by default: check as often as the limit needs.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, deps.limits.requestMs)),
    },
    // A failure inside one answer ends that answer's socket alone.
    (request: IncomingMessage, response: ServerResponse) => void handle(request, response, handler).catch(() => response.destroy()),
  );
  // The sockets come from the TCP server below, counted per address there. Node starts the
  // checks of the timeouts above when its server listens (lib/_http_server.js,
  // setupConnectionsTracking runs on 'listening'): this one never listens, so it is told.
  server.emit('listening');
  const logRaw = (socket: Socket, status: number, what: string, bytesOut: number, log = deps.log) =>
    log({peer: peerName(socket.remoteAddress), kind: 'http', started: Date.now(), bytesIn: socket.bytesRead, bytesOut, outcome: `${status} ${what}`});
  // A request that node:http cannot parse, or that does not arrive whole in time, gets a status
  // line and one line of text, is logged and closed: 408, 431 for a head too large, else 400.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const {status, reason} = malformed(error.code);
    const answer = rawAnswer(status, reason);
    socket.end(answer);
    logRaw(socket, status, reason, Buffer.byteLength(answer));
  });
  // CONNECT (a proxy's method) is a method like the others this server does not serve.
  server.on('connect', (request: IncomingMessage, socket: Socket) => {
    const answer = rawAnswer(405, `method ${oneLine(request.method ?? '')} not allowed: use GET or HEAD`, 'Allow: GET, HEAD\r\n');
    socket.end(answer);
    logRaw(socket, 405, `${oneLine(request.method ?? '')} ${oneLine((request.url ?? '').slice(0, 200))}`, Buffer.byteLength(answer));
  });
  const sockets = new Set<Socket>();
  // Counted per socket, not per request: pipelined and keep-alive requests on a socket are
  // answered in order, and a socket past the limits is answered 503 at once and closed.
  // (allowHalfOpen and noDelay as node:http's own server has them.)
  const tcp = createTcpServer({allowHalfOpen: true, noDelay: true}, (socket) => {
    socket.on('error', () => {});
    const admission = deps.gate.open(peerName(socket.remoteAddress));
    if (admission.refusal !== undefined) {
      // What the client sends is read and dropped, so that closing does not reset the answer away.
      const answer = rawAnswer(503, admission.refusal, 'Retry-After: 5\r\n');
      socket.resume();
      socket.end(answer);
      setTimeout(() => socket.destroy(), REFUSED_LINGER_MS).unref();
      logRaw(socket, 503, `refused: ${admission.refusal}`, Buffer.byteLength(answer), deps.logRefusal);
      return;
    }
    sockets.add(socket);
    socket.once('close', () => {
      admission.close();
      sockets.delete(socket);
    });
    server.emit('connection', socket);
  });
  return new Promise((resolve, reject) => {
    tcp.once('error', reject);
    tcp.listen(port, host, () => {
      tcp.off('error', reject);
      tcp.on('error', () => {});
      resolve({
        port: (tcp.address() as {port: number}).port,
        async stop() {
          tcp.close();
          server.close();
          for (const socket of sockets) socket.destroy();
        },
      });
    });
  });
}

/** The representations one server has made, and what its handler needs. */
type Handler = HttpDeps & {made: ReturnType<typeof representations>};

/**
 * One request: its reply, in the coding Accept-Encoding chose, or 304 when If-None-Match holds
 * that body's tag already. HEAD gets the headers of GET (the same Content-Length, coding and
 * tag) and no body. Logged when the answer is over, with the form and coding sent.
 */
async function handle(request: IncomingMessage, response: ServerResponse, deps: Handler): Promise<void> {
  const record: SessionRecord = {peer: peerName(request.socket.remoteAddress), kind: 'http', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: ''};
  const method = request.method ?? 'GET';
  const {headers} = request;
  const language = acceptedLanguage(headers['accept-language']);
  // A GET or HEAD has no body: one that comes with one is refused unread.
  const answer: Served | Refusal =
    Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined
      ? {status: 413, type: TYPES.text, body: `${messagesFor(language).say('http.body')}\n`}
      : reply({method, url: request.url ?? '/', agent: headers['user-agent'], accept: headers.accept}, deps.content, language);
  request.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length));
  let sent: Encoded | undefined;
  let status = answer.status;
  let served = '';
  // Listened to before any wait: a client gone while its body is compressed is logged too.
  response.on('close', () => {
    record.bytesOut = method === 'HEAD' || status === 304 ? 0 : (sent?.body.length ?? 0);
    record.outcome = `${status} ${method} ${oneLine((request.url ?? '/').slice(0, 200))}${served}`;
    deps.log(record);
  });
  if ('key' in answer) {
    const made = deps.made.get(answer.key, () => representation(answer.body, answer.type, answer.format, answer.compressible, answer.effort));
    sent = await made.encoded(made.compressible ? chooseCoding(headers['accept-encoding']) : 'identity');
    const vary = made.compressible ? [...answer.vary, 'Accept-Encoding'] : answer.vary;
    const common = {
      ...SECURITY_HEADERS,
      ETag: sent.etag,
      'Cache-Control': answer.cacheControl,
      ...(vary.length > 0 ? {Vary: vary.join(', ')} : {}),
    };
    served = ` (${made.format} ${sent.coding})`;
    if (noneMatch(headers['if-none-match'], sent.etag)) {
      // 304: the tag and what a cache needs to refresh its copy (RFC 9110 §15.4.5), no body.
      status = 304;
      response.writeHead(304, common);
    } else {
      response.writeHead(200, {
        'Content-Type': made.type,
        'Content-Length': sent.body.length,
        ...(sent.coding === 'identity' ? {} : {'Content-Encoding': sent.coding}),
        ...common,
      });
    }
  } else {
    const body = Buffer.from(answer.body, 'utf8');
    sent = {body, coding: 'identity', etag: ''};
    response.writeHead(answer.status, {
      'Content-Type': answer.type,
      'Content-Length': body.length,
      ...SECURITY_HEADERS,
      'Cache-Control': 'no-cache',
      ...(answer.allow ? {Allow: answer.allow} : {}),
      // An error's words follow Accept-Language: a cache must keep one answer per language.
      ...(answer.status >= 400 ? {Connection: 'close', 'Content-Language': language, Vary: 'Accept-Language'} : {}),
    });
  }
  response.end(method === 'HEAD' || status === 304 ? undefined : sent.body);
}
