import {createHash} from 'node:crypto';
import {promisify} from 'node:util';
import {brotliCompress, constants, gzip} from 'node:zlib';
import type {Coding} from './negotiate';

/**
 * What `serve --http` sends for one form of the résumé (the page, the text at a width, the
 * Markdown, …), in each content coding: made on the first request that asks for that coding and
 * kept, so that a body is hashed once and compressed once per coding, never per request.
 *
 * Each coding has its own strong entity tag, the hash of the bytes sent: RFC 9110 §8.8.3 has a
 * strong validator change with any change of the representation data, content coding included
 * (its §8.8.3.3 example gives a gzip response its own tag), so a cache never takes a gzip body for
 * the identity one.
 *
 * How hard to compress (`effort`): `best` (brotli 11, gzip 9: 14–28 ms for a 17 kB text here) for
 * the forms made once per file (the page, Markdown, JSON, the text at the default width); `fast`
 * (brotli 5, gzip 6: about 2 ms, 12% larger) for the text at any other width, which a client
 * chooses with `?width=` and could otherwise cycle through to make the server compress at the
 * best effort on every request.
 */
export type Effort = 'best' | 'fast';
export interface Encoded {
  body: Buffer;
  /** The coding actually sent: `identity` when compressing would not make the body smaller. */
  coding: Coding;
  etag: string;
}

export interface Representation {
  type: string;
  /** What the log calls it: `html`, `text`, `colored-text`, `markdown`, `json`, `icon`. */
  format: string;
  /** Whether Accept-Encoding is looked at (not for an icon that is PNG, compressed already). */
  compressible: boolean;
  encoded(coding: Coding): Promise<Encoded>;
}

/** A strong entity tag for these bytes: 132 bits of their SHA-256, in base64url. */
export const etagOf = (body: Buffer): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Compressed on libuv's thread pool: a first request's compression never holds the other sessions. */
function compress(body: Buffer, coding: Exclude<Coding, 'identity'>, effort: Effort): Promise<Buffer> {
  if (coding === 'gzip') return gzipped(body, {level: effort === 'best' ? 9 : 6});
  const quality = effort === 'best' ? 11 : 5;
  return brotli(body, {params: {[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: body.length}});
}

export function representation(data: string | Buffer, type: string, format: string, compressible: boolean, effort: Effort = 'best'): Representation {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const identity: Encoded = {body, coding: 'identity', etag: etagOf(body)};
  const made = new Map<Coding, Promise<Encoded>>([['identity', Promise.resolve(identity)]]);
  return {
    type,
    format,
    compressible,
    encoded(coding) {
      if (!compressible) return made.get('identity')!;
      let encoded = made.get(coding);
      if (encoded === undefined) {
        encoded = compress(body, coding as Exclude<Coding, 'identity'>, effort).then(
          (packed) => (packed.length < body.length ? {body: packed, coding, etag: etagOf(packed)} : identity),
          () => identity,
        );
        made.set(coding, encoded);
      }
      return encoded;
    },
  };
}

/**
 * The representations of one server, by the name of what they hold (`html`, `plain:80`, …), each
 * made once. Bounded as the widths it holds are (src/serve/content.ts keeps 32 of each kind): past
 * `limit`, the oldest made is dropped and made again if asked for.
 */
export function representations(limit = 80): {get(key: string, make: () => Representation): Representation; readonly size: number} {
  const kept = new Map<string, Representation>();
  return {
    get(key, make) {
      let found = kept.get(key);
      if (found === undefined) {
        found = make();
        if (kept.size >= limit) kept.delete(kept.keys().next().value!);
        kept.set(key, found);
      }
      return found;
    },
    get size() {
      return kept.size;
    },
  };
}
