import {createServer, STATUS_CODES, type IncomingMessage, type ServerResponse} from 'node:http';
import {createServer as createTcpServer, type Socket} from 'node:net';
import type {Content} from './content';
import type {Gate} from './limits';
import {oneLine, peerName, type SessionRecord} from './log';
import {MAX_HEADER_BYTES, TEXT_WIDTH, type Limits} from './options';
import type {RunningServer} from './ssh';
import {messagesFor, type AppLanguage} from '../i18n/messages';
import {acceptedLanguage} from '../i18n/reader';

/**
 * The HTTP server (node:http): the résumé as text, Markdown or JSON, never anything else from
 * the file system. `GET /` is colored for the command-line clients that show ANSI colour (curl,
 * wget, HTTPie, xh), plain for everyone else (a browser shows the text as it is); `/resume.txt`
 * and `?format=text` are plain for everyone.
 */
export interface HttpDeps {
  content: Content;
  limits: Limits;
  gate: Gate;
  log(record: SessionRecord): void;
  /** Logs a socket refused at the gate (coalesced per address: src/serve/log.ts). */
  logRefusal(record: SessionRecord): void;
}

type Format = 'text' | 'markdown' | 'json';
const TYPES: Record<Format, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
// Maps, not objects: a name asked for is looked up among these keys alone (`?format=__proto__`,
// `constructor` and `toString` are not formats).
const PATHS = new Map<string, Format>([['/', 'text'], ['/resume.txt', 'text'], ['/resume.md', 'markdown'], ['/resume.json', 'json']]);
const FORMATS = new Map<string, Format>([['text', 'text'], ['markdown', 'markdown'], ['json', 'json']]);

/** User agents of terminal clients, which show ANSI colour: `curl/8.5.0`, `Wget/1.21`, `HTTPie/3.2`, `xh/0.22`. */
export const TERMINAL_AGENT = /^(curl|wget|httpie|xh)\//i;

/**
 * The reply to one request, decided from its method, path, query and user agent alone (pure).
 * What the server says itself (an error's line) is in `language`, the one the request's
 * Accept-Language chose; the résumé is the résumé, whoever asks.
 */
export function reply(method: string, url: string, agent: string | undefined, content: Content, language: AppLanguage = 'en'): {status: number; type: string; body: string; allow?: string} {
  const {say} = messagesFor(language);
  const plainError = (status: number, body: string) => ({status, type: TYPES.text, body: body + '\n'});
  const parsed = new URL(url, 'http://localhost');
  const byPath = PATHS.get(parsed.pathname);
  if (byPath === undefined) return plainError(404, say('http.notFound'));
  if (method !== 'GET' && method !== 'HEAD') return {...plainError(405, say('http.method', {method})), allow: 'GET, HEAD'};
  const asked = parsed.searchParams.get('format');
  const format = asked === null ? byPath : FORMATS.get(asked);
  if (format === undefined) return plainError(400, say('http.format'));
  const widthText = parsed.searchParams.get('width');
  if (widthText !== null && !/^\d{1,6}$/.test(widthText)) return plainError(400, say('http.width'));
  const width = widthText === null ? TEXT_WIDTH : Number(widthText);
  if (format === 'json') return {status: 200, type: TYPES.json, body: content.json()};
  if (format === 'markdown') return {status: 200, type: TYPES.markdown, body: content.markdown()};
  // Text asked for by name (`/resume.txt`, `?format=text`) is plain for everyone, so that
  // `curl HOST/resume.txt > cv.txt` saves clean text; `/` is coloured for terminal clients.
  const named = asked === 'text' || parsed.pathname === '/resume.txt';
  const colored = !named && TERMINAL_AGENT.test(agent ?? '');
  return {status: 200, type: TYPES.text, body: colored ? content.colored(width) : content.plain(width)};
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
    (request: IncomingMessage, response: ServerResponse) => handle(request, response, deps),
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

function handle(request: IncomingMessage, response: ServerResponse, deps: HttpDeps): void {
  const record: SessionRecord = {peer: peerName(request.socket.remoteAddress), kind: 'http', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: ''};
  const method = request.method ?? 'GET';
  const language = acceptedLanguage(request.headers['accept-language']);
  // A GET or HEAD has no body: one that comes with one is refused unread.
  const answer =
    Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined
      ? {status: 413, type: TYPES.text, body: `${messagesFor(language).say('http.body')}\n`}
      : reply(method, request.url ?? '/', request.headers['user-agent'], deps.content, language);
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, {
    'Content-Type': answer.type,
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...('allow' in answer && answer.allow ? {Allow: answer.allow} : {}),
    // An error's words follow Accept-Language: a cache must keep one answer per language.
    ...(answer.status >= 400 ? {Connection: 'close', 'Content-Language': language, Vary: 'Accept-Language'} : {}),
  });
  response.end(method === 'HEAD' ? undefined : body);
  request.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length));
  response.on('close', () => {
    record.bytesOut = method === 'HEAD' ? 0 : body.length;
    record.outcome = `${answer.status} ${method} ${oneLine((request.url ?? '/').slice(0, 200))}`;
    deps.log(record);
  });
}
