/**
 * `kim-resume serve --http`, asked with curl as a reader would: the formats, ?width, the colour
 * only for terminal clients, HEAD, 404, 405, and the headers. Loopback only.
 */
import {spawnSync} from 'node:child_process';
import {request as httpRequest, type IncomingHttpHeaders} from 'node:http';
import {connect} from 'node:net';
import {brotliDecompressSync, gunzipSync} from 'node:zlib';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli';
import {fixturePath} from '../helpers/fixtures';
import {startServer, type Server} from '../helpers/serve';
import {waitFor} from '../helpers/wait';

const FILE = fixturePath('jiwoo');
let server: Server;
beforeAll(async () => {
  server = await startServer([FILE]);
});
afterAll(async () => {
  await server?.stop();
});

/** curl's answer: status, headers (lower-case names) and body. */
function curl(path: string, args: string[] = []) {
  const result = spawnSync('curl', ['-sS', '-D', '-', ...args, `http://127.0.0.1:${server.http}${path}`], {encoding: 'utf8'});
  const [head, ...rest] = result.stdout.split('\r\n\r\n');
  const [statusLine, ...lines] = head!.split('\r\n');
  const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  return {status: Number(statusLine!.split(' ')[1]), headers, body: rest.join('\r\n\r\n')};
}
const printed = (...args: string[]) => runCli([FILE, ...args]).stdout;

/** Every byte the server sends on one socket for `text`, until it closes the socket. */
function raw(text: string | Buffer, port = server.http): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    socket.on('data', (chunk) => (got += chunk.toString('utf8')));
    socket.on('error', () => {});
    socket.on('close', () => resolve(got));
  });
}

describe('serve over HTTP, asked with curl', () => {
  it('GET / gives the colored text to curl, as wide as 80 columns, with charset and nosniff', () => {
    const answer = curl('/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body).toContain('\x1b[');
    expect(answer.body.replace(/\x1b\[[0-9;]*m/g, '')).toContain('한지우');
  });

  it('any other user agent asking for anything (*/*) gets the plain text, exactly as --format text prints it', () => {
    expect(curl('/', ['-A', 'Mozilla/5.0']).body).toBe(printed('--format', 'text', '--width', '80'));
  });

  it('?format=text and /resume.txt are plain for curl too: `curl …/?format=text > cv.txt` saves clean text', () => {
    for (const path of ['/?format=text', '/resume.txt']) {
      const answer = curl(path);
      expect(answer.body).not.toContain('\x1b');
      expect(answer.body).toBe(printed('--format', 'text', '--width', '80'));
    }
  });

  it('?width=N sets the width, and is clamped to what --width accepts', () => {
    expect(curl('/?width=40', ['-A', 'x']).body).toBe(printed('--format', 'text', '--width', '40'));
    expect(curl('/?width=3', ['-A', 'x']).body).toBe(printed('--format', 'text', '--width', '10'));
    expect(curl('/?width=wide').status).toBe(400);
  });

  it('/resume.md and ?format=markdown give the Markdown; /resume.json and ?format=json the JSON', () => {
    const md = curl('/resume.md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toBe(printed('--format', 'markdown'));
    expect(curl('/?format=markdown').body).toBe(md.body);
    const json = curl('/resume.json');
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(printed('--format', 'json'));
    expect(curl('/?format=json').body).toBe(json.body);
    expect(curl('/?format=text', ['-A', 'x']).body).toBe(printed('--format', 'text', '--width', '80'));
    expect(curl('/?format=pdf').status).toBe(400);
  });

  it('HEAD gives the headers of GET and no body', async () => {
    const head = curl('/resume.json', ['-I']);
    expect(head.status).toBe(200);
    expect(Number(head.headers['content-length'])).toBe(Buffer.byteLength(printed('--format', 'json')));
    // Every byte of the raw answer, to the connection's end: the headers and nothing after them.
    const raw = await new Promise<string>((resolve) => {
      let got = '';
      const socket = connect(server.http, '127.0.0.1', () => socket.write('HEAD /resume.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      socket.on('data', (chunk) => (got += chunk.toString('utf8')));
      socket.on('close', () => resolve(got));
    });
    expect(raw.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(raw.indexOf('\r\n\r\n')).toBe(raw.length - 4);
  });

  it('any other path is 404, any other method 405 with Allow, a body 413', () => {
    expect(curl('/etc/passwd', ['--path-as-is']).status).toBe(404);
    expect(curl('/../data/resume.json', ['--path-as-is']).status).toBe(404);
    const post = curl('/', ['-X', 'POST']);
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect(curl('/', ['-X', 'DELETE']).status).toBe(405);
    expect(curl('/', ['--data-binary', 'x', '-X', 'GET']).status).toBe(413);
  });

  it('an error says its line in the language of Accept-Language, and says it varies by it', () => {
    const korean = curl('/nothing', ['-H', 'Accept-Language: ko-KR,ko;q=0.9,en;q=0.8']);
    expect([korean.status, korean.body]).toEqual([404, '찾을 수 없음: /, /resume.html, /resume.txt, /resume.md 또는 /resume.json\n']);
    expect(korean.headers['content-language']).toBe('ko');
    expect(korean.headers.vary).toBe('Accept-Language');
    expect(curl('/nothing', ['-H', 'Accept-Language: de, en;q=0.5']).body).toBe('not found: try /, /resume.html, /resume.txt, /resume.md or /resume.json\n');
    expect(curl('/nothing').body).toBe('not found: try /, /resume.html, /resume.txt, /resume.md or /resume.json\n');
    expect(curl('/', ['-A', 'x', '-H', 'Accept-Language: ko']).body).toBe(printed('--format', 'text', '--width', '80'));
  });

  it('logs one line per request', async () => {
    curl('/nothing-here');
    await server.waitForLine(/ 127\.0\.0\.1 http [\d.]+s in=0B out=\d+B 404 GET \/nothing-here$/);
  });
});

/** What Chromium sends for a page it navigates to. */
const BROWSER = {
  'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7',
  'Accept-Encoding': 'gzip, deflate, br, zstd',
  'Accept-Language': 'en-US,en;q=0.9',
};

/** One request with node:http (no decoding of its own): status, headers and the raw body bytes. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{status: number; headers: IncomingHttpHeaders; body: Buffer}> {
  return new Promise((resolve, reject) => {
    const asking = httpRequest({host: '127.0.0.1', port: server.http, path, method, headers, agent: false}, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks)}));
    });
    asking.on('error', reject);
    asking.end();
  });
}

describe('serve over HTTP, asked by a browser', () => {
  it('GET / gives the HTML page, brotli-compressed, with its policy, tag and what it varies by', async () => {
    const page = await get('/', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-encoding']).toBe('br');
    expect(Number(page.headers['content-length'])).toBe(page.body.length);
    const html = brotliDecompressSync(page.body).toString('utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toMatch(/<title>[^<]*한지우[^<]*<\/title>/);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers.vary).toBe('Accept, User-Agent, Accept-Encoding');
    expect(page.headers.etag).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(page.headers['cache-control']).toBe('no-cache');
    await server.waitForLine(/ 127\.0\.0\.1 http [\d.]+s in=0B out=\d+B 200 GET \/ \(html br\)$/);
  });

  it('/resume.html is the page for anyone; gzip and brotli decompress to its bytes, each with its own tag', async () => {
    const plain = await get('/resume.html');
    expect([plain.status, plain.headers['content-type'], plain.headers['content-encoding']]).toEqual([200, 'text/html; charset=utf-8', undefined]);
    expect(plain.body.toString('utf8')).toMatch(/^<!doctype html>/i);
    expect(plain.headers.vary).toBe('Accept-Encoding');
    const gzip = await get('/resume.html', {'Accept-Encoding': 'gzip'});
    const br = await get('/resume.html', {'Accept-Encoding': 'gzip;q=0.5, br'});
    expect([gzip.headers['content-encoding'], br.headers['content-encoding']]).toEqual(['gzip', 'br']);
    expect(gunzipSync(gzip.body)).toEqual(plain.body);
    expect(brotliDecompressSync(br.body)).toEqual(plain.body);
    expect(new Set([plain.headers.etag, gzip.headers.etag, br.headers.etag]).size).toBe(3);
    expect((await get('/?format=html', {'User-Agent': 'curl/8.5.0'})).body).toEqual(plain.body);
    await server.waitForLine(/ 200 GET \/resume\.html \(html gzip\)$/);
  });

  it('curl --compressed gets the same coloured text, compressed on the wire', () => {
    const compressed = curl('/', ['--compressed']);
    expect(['br', 'gzip']).toContain(compressed.headers['content-encoding']);
    expect(compressed.body).toBe(curl('/').body);
    expect(compressed.body).toContain('\x1b[');
  });

  it('HEAD gives the headers GET gives, the coding and length included, and no body', async () => {
    const got = await get('/', BROWSER);
    const head = await get('/', BROWSER, 'HEAD');
    expect(head.status).toBe(200);
    for (const name of ['content-type', 'content-length', 'content-encoding', 'etag', 'vary', 'content-security-policy']) expect([name, head.headers[name]]).toEqual([name, got.headers[name]]);
    const answer = await raw(`HEAD / HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\nAccept-Encoding: br\r\nConnection: close\r\n\r\n`);
    expect(answer.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(answer).toMatch(/\r\nContent-Encoding: br\r\n/);
    expect(answer.indexOf('\r\n\r\n')).toBe(answer.length - 4);
  });

  it('If-None-Match with the tag (alone, weak, in a list, or *) gets 304 and no body; another tag the body', async () => {
    const page = await get('/', BROWSER);
    const tag = page.headers.etag!;
    for (const match of [tag, `W/${tag}`, `"other", ${tag}`, '*']) {
      const again = await get('/', {...BROWSER, 'If-None-Match': match});
      expect([match, again.status, again.body.length]).toEqual([match, 304, 0]);
      expect(again.headers.etag).toBe(tag);
      expect(again.headers.vary).toBe('Accept, User-Agent, Accept-Encoding');
    }
    // The tag of the brotli body is not the gzip body's: that one is sent whole.
    const gzip = await get('/', {...BROWSER, 'Accept-Encoding': 'gzip', 'If-None-Match': tag});
    expect([gzip.status, gzip.headers['content-encoding']]).toEqual([200, 'gzip']);
    expect((await get('/', {...BROWSER, 'If-None-Match': '"stale"'})).status).toBe(200);
    // curl's text too.
    const text = curl('/resume.md');
    expect(curl('/resume.md', ['-H', `If-None-Match: ${text.headers.etag}`]).status).toBe(304);
    await server.waitForLine(/ in=0B out=0B 304 GET \/ \(html br\)$/);
  });

  it('/favicon.ico is a small icon, kept a day', async () => {
    const icon = await get('/favicon.ico', BROWSER);
    expect([icon.status, icon.headers['content-type'], icon.headers['content-encoding'], icon.headers['cache-control']]).toEqual([200, 'image/x-icon', undefined, 'max-age=86400']);
    expect([...icon.body.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(icon.body.length).toBeLessThan(1000);
    await server.waitForLine(/ 200 GET \/favicon\.ico \(icon identity\)$/);
  });
});

describe('serve over HTTP: malformed and pipelined requests', () => {
  it.each([
    ['a 100 kB URL', `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 431],
    ['CONNECT', 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n', 405],
    ['bare LF', 'GET / HTTP/1.1\nHost: x\n\n', 400],
    ['Content-Length with Transfer-Encoding', 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400],
    ['not HTTP at all', 'HELLO\r\n\r\n', 400],
  ] as const)('%s gets a status line (%d), one line of text, and a log line', async (_what, request, status) => {
    const before = server.lines.length;
    const answer = await raw(request);
    expect(answer.split('\r\n')[0]).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(answer).toMatch(/\r\n\r\n[^\n]+\n$/);
    await waitFor(() => server.lines.slice(before).some((l) => new RegExp(` 127\\.0\\.0\\.1 http [\\d.]+s in=\\d+B out=\\d+B ${status} `).test(l)), {what: `a ${status} log line`, show: () => server.lines.slice(before).join('\n')});
  });

  it('nine pipelined requests on one socket are all answered, in order', async () => {
    const paths = ['/resume.md', '/resume.json', '/', '/resume.md', '/resume.json', '/', '/resume.md', '/resume.json'];
    const requests = paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\nUser-Agent: x\r\n\r\n`).join('') + 'GET /resume.md HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    const answer = await raw(requests);
    const statuses = answer.match(/HTTP\/1\.1 \d+/g);
    expect(statuses).toEqual(Array(9).fill('HTTP/1.1 200'));
    const types = answer.match(/Content-Type: [^;]+/g)!.map((t) => t.slice(14));
    expect(types).toEqual(['text/markdown', 'application/json', 'text/plain', 'text/markdown', 'application/json', 'text/plain', 'text/markdown', 'application/json', 'text/markdown']);
  });
});

describe('serve over HTTP: a request too slow to arrive', () => {
  it('past --request-timeout, a request whose head never ends gets 408 in one line and is closed; the server goes on', async () => {
    const slow = await startServer([FILE, '--request-timeout', '1']);
    try {
      const socket = connect(slow.http, '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      // The request line and one header, never the blank line that ends the head.
      socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
      // Bounded: Node checks request timeouts as often as the limit needs (at most every second).
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not closed; received ${JSON.stringify(received)}`)), 10_000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
      expect(received.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
      const after = spawnSync('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${slow.http}/`], {encoding: 'utf8'});
      expect(after.stdout).toBe('200');
    } finally {
      await slow.stop();
    }
  });
});
