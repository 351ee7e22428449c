import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseArguments} from '../../src/cli/args';
import {fastArguments} from '../../src/cli/fast-args';

/** What yargs makes of an argument list: the options, or undefined for an error. */
async function viaYargs(args: string[]) {
  const parsed = await parseArguments(args);
  return parsed.error === undefined ? parsed.argv : undefined;
}

const word = fc.stringMatching(/^[A-Za-z0-9가-힣][A-Za-z0-9가-힣 ._/]{0,11}$/);
const token = fc.oneof(
  word,
  fc.constantFrom('--color', '--no-color', '--mouse', '--no-mouse', '--ascii', '--help', '-h', '--version', '-v', '--bogus', '--', '-', ''),
  fc.constantFrom('--width', '--format', '--section', '--tech', '--theme', '--lang'),
  fc.tuple(fc.constantFrom('--width', '--format', '--section', '--tech', '--theme', '--lang'), fc.oneof(word, fc.constantFrom('json', 'text', 'markdown', 'pdf', '80', '10.5', '', '-1', 'dark', 'light', 'auto', 'de', 'pt-BR'))).map(([o, v]) => `${o}=${v}`),
  fc.constantFrom('json', 'text', 'markdown', '80', '120', 'kafka', 'essays', '2', 'true', 'false', '0x10', '1e3', ' pad ', 'dark', 'light', 'auto', 'neutral', 'de', 'zh-Hant'),
);

describe('the fast argument parser', () => {
  it.each([
    [['resume.json'], {file: 'resume.json'}],
    [['--width', '80'], {width: '80'}],
    [['--width=80', '--format=json'], {width: '80', format: 'json'}],
    [['--format', 'markdown', 'me.json', '--no-color'], {format: 'markdown', file: 'me.json', color: false}],
    [['--section', 'essays', '--tech', 'Kafka', '--no-mouse', '--ascii'], {section: 'essays', tech: 'Kafka', mouse: false, ascii: true}],
    [['--theme', 'light', 'me.json'], {theme: 'light', file: 'me.json'}],
    [['--lang', 'de', 'me.json'], {lang: 'de', file: 'me.json'}],
    [['--lang=zh-Hant', '--format', 'markdown'], {lang: 'zh-Hant', format: 'markdown'}],
  ])('parses %j', async (args, expected) => {
    const fast = fastArguments(args);
    expect(fast).toMatchObject(expected);
    expect(fast).toEqual(await viaYargs(args));
  });

  it.each([[['--help']], [['-v']], [['--bogus']], [['a.json', 'b.json']], [['--width']], [['--format', 'pdf']], [['--width', '80', '--width', '90']], [['--tech', '--ascii']], [['--lang']], [['--lang', 'de', '--lang', 'fr']], [['--color=false']], [['--color', 'false']], [['--no-mouse', 'true']], [['--']]])(
    'leaves %j to yargs',
    (args) => {
      expect(fastArguments(args)).toBeUndefined();
    },
  );

  it('agrees with yargs on every argument list it answers (property, 400 lists)', async () => {
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(token, {maxLength: 6}), async (args) => {
        const fast = fastArguments(args);
        if (fast === undefined) return;
        answered++;
        expect(fast).toEqual(await viaYargs(args));
      }),
      {numRuns: Number(process.env.FAST_ARGS_RUNS ?? 400)},
    );
    // Enough of the generated lists fall in the fast grammar for the agreement to mean something.
    expect(answered).toBeGreaterThan(40);
  });

  it('answers most of the common command lines (so the property above is not vacuous)', () => {
    const common = [['me.json'], ['--width', '80'], ['--format', 'json'], ['--tech', 'kafka'], ['--section', '2', '--format', 'text'], ['--no-color', 'me.json']];
    for (const args of common) expect(fastArguments(args), JSON.stringify(args)).toBeDefined();
  });
});

describe('the fast parser and `serve`', () => {
  it.each([[['serve']], [['serve', '--ssh', '2222']], [['serve', 'me.json', '--http', '8080']]])('leaves %j to the serve command', (args) => {
    expect(fastArguments(args)).toBeUndefined();
  });

  it('still takes a FILE that is only named like the command when it is not first, or has a path', () => {
    expect(fastArguments(['./serve'])?.file).toBe('./serve');
    expect(fastArguments(['--width', '80', 'serve'])?.file).toBe('serve');
  });
});
