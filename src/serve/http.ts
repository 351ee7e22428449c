import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {Content} from './content';
import type {Gate} from './limits';
import {oneLine, peerName, type SessionRecord} from './log';
import {MAX_HEADER_BYTES, TEXT_WIDTH, type Limits} from './options';
import type {RunningServer} from './ssh';

/**
 * The HTTP server (node:http): the résumé as text, Markdown or JSON, never anything else from
 * the file system. `GET /` is colored for the command-line clients that show ANSI colour (curl,
 * wget, HTTPie, xh), plain for everyone else (a browser shows the text as it is).
 */
export interface HttpDeps {
  content: Content;
  limits: Limits;
  gate: Gate;
  log(record: SessionRecord): void;
}

type Format = 'text' | 'markdown' | 'json';
const TYPES: Record<Format, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const PATHS: Record<string, Format> = {'/': 'text', '/resume.txt': 'text', '/resume.md': 'markdown', '/resume.json': 'json'};

/** User agents of terminal clients, which show ANSI colour: `curl/8.5.0`, `Wget/1.21`, `HTTPie/3.2`, `xh/0.22`. */
export const TERMINAL_AGENT = /^(curl|wget|httpie|xh)\//i;

/** The reply to one request, decided from its method, path, query and user agent alone (pure). */
export function reply(method: string, url: string, agent: string | undefined, content: Content): {status: number; type: string; body: string; allow?: string} {
  const plainError = (status: number, body: string) => ({status, type: TYPES.text, body: body + '\n'});
  const parsed = new URL(url, 'http://localhost');
  const byPath = PATHS[parsed.pathname];
  if (byPath === undefined) return plainError(404, 'not found: try /, /resume.md or /resume.json');
  if (method !== 'GET' && method !== 'HEAD') return {...plainError(405, `method ${method} not allowed: use GET or HEAD`), allow: 'GET, HEAD'};
  const asked = parsed.searchParams.get('format');
  if (asked !== null && !(asked in TYPES)) return plainError(400, 'format must be text, markdown or json');
  const format = (asked as Format | null) ?? byPath;
  const widthText = parsed.searchParams.get('width');
  if (widthText !== null && !/^\d{1,6}$/.test(widthText)) return plainError(400, 'width must be a whole number of columns');
  const width = widthText === null ? TEXT_WIDTH : Number(widthText);
  if (format === 'json') return {status: 200, type: TYPES.json, body: content.json()};
  if (format === 'markdown') return {status: 200, type: TYPES.markdown, body: content.markdown()};
  const colored = TERMINAL_AGENT.test(agent ?? '');
  return {status: 200, type: TYPES.text, body: colored ? content.colored(width) : content.plain(width)};
}

export function startHttp(deps: HttpDeps, port: number, host: string): Promise<RunningServer> {
  const server = createServer(
    {
      maxHeaderSize: MAX_HEADER_BYTES,
      requestTimeout: deps.limits.requestMs,
      headersTimeout: deps.limits.requestMs,
      keepAliveTimeout: 5_000,
      // Node checks those timeouts every 30 s by default: check as often as the limit needs.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, deps.limits.requestMs)),
    },
    (request: IncomingMessage, response: ServerResponse) => handle(request, response, deps),
  );
  server.maxConnections = deps.limits.sessions;
  // A request that does not arrive whole in time gets one line, 408, and is closed; any other
  // malformed request is closed (Node answers 400/431 itself where it can).
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && socket.writable) socket.end('HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve({
        port: (server.address() as {port: number}).port,
        async stop() {
          server.close();
          server.closeAllConnections();
        },
      });
    });
  });
}

function handle(request: IncomingMessage, response: ServerResponse, deps: HttpDeps): void {
  const record: SessionRecord = {peer: peerName(request.socket.remoteAddress), kind: 'http', started: Date.now(), bytesIn: 0, bytesOut: 0, outcome: ''};
  const admission = deps.gate.open(record.peer);
  const method = request.method ?? 'GET';
  const answer = admission.refusal
    ? {status: 503, type: TYPES.text, body: `${admission.refusal}\n`}
    : // A GET or HEAD has no body: one that comes with one is refused unread.
      Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined
      ? {status: 413, type: TYPES.text, body: 'a request body is not accepted\n'}
      : reply(method, request.url ?? '/', request.headers['user-agent'], deps.content);
  const body = Buffer.from(answer.body, 'utf8');
  response.writeHead(answer.status, {
    'Content-Type': answer.type,
    'Content-Length': body.length,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
    ...('allow' in answer && answer.allow ? {Allow: answer.allow} : {}),
    ...(answer.status >= 400 ? {Connection: 'close'} : {}),
  });
  response.end(method === 'HEAD' ? undefined : body);
  request.on('data', (chunk: Buffer) => (record.bytesIn += chunk.length));
  response.on('close', () => {
    admission.close?.();
    record.bytesOut = method === 'HEAD' ? 0 : body.length;
    record.outcome = `${answer.status} ${method} ${oneLine((request.url ?? '/').slice(0, 200))}`;
    deps.log(record);
  });
}
