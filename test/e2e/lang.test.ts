/**
 * The built program in the résumé's language: a German and a Japanese résumé print their own
 * labels and date style, --lang chooses another, --check names the language it settled on.
 * `npm test` builds first; run `npm run build` before running this file alone.
 */
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {cleanEnv, runCli} from '../helpers/cli';
import {fixturePath, REPO_ROOT} from '../helpers/fixtures';
import {PROGRAM} from '../helpers/program';

const DE = 'test/fixtures/lang/de.json';
const JA = 'test/fixtures/lang/ja-labels.json';

beforeAll(() => {
  if (!existsSync(join(REPO_ROOT, 'dist', 'main.js'))) throw new Error('dist/main.js is missing: run `npm run build` first (npm test does)');
});

describe('piped text in the résumé\'s own language', () => {
  it('German (detected from its text): its titles, labels, "heute" and MM/YYYY', () => {
    const {status, stdout, stderr} = runCli([DE]);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout).toContain('Berufserfahrung\n===============\n\nKontor Zahlungsdienste GmbH\nSenior Backend-Entwicklerin · 04/2021 – heute\n');
    expect(stdout).toContain('Softwareentwicklerin · 09/2016 – 03/2021\n');
    expect(stdout).toContain('Ausbildung\n==========\n\nTechnische Universität Dresden\n\n  Master of Science, Informatik (10/2014 – 08/2016)\n  Kurse: Verteilte Systeme · Datenbanken\n');
    expect(stdout).not.toMatch(/Work Experience|Education|Courses|present/);
  });

  it('Japanese (no language named: detected from its script): 職歴, 学歴, 2020年4月～現在', () => {
    const {status, stdout} = runCli([JA]);
    expect(status).toBe(0);
    expect(stdout).toContain('職歴\n====\n\n株式会社みなと決済\nシニアエンジニア · 2020年4月～現在\n');
    expect(stdout).toContain('エンジニア · 2015年4月～2020年3月\n');
    expect(stdout).toContain('学歴\n====\n\n京都大学\n\n  修士, 情報学 (2013年4月～2015年3月)\n');
    expect(stdout).not.toMatch(/Work Experience|Education|present/);
  });

  it('Markdown in the same words', () => {
    const {stdout} = runCli([DE, '--format', 'markdown']);
    expect(stdout).toContain('## Berufserfahrung');
    expect(stdout).toContain('04/2021 – heute');
  });
});

describe('--lang', () => {
  it('over what the document would say: the English fixture in German, through the fast parser and yargs alike', () => {
    for (const args of [['--lang', 'de'], ['--lang=de-AT', '--width', '80'], ['--strict', '--lang', 'de', '--ascii']]) {
      const {status, stdout} = runCli([fixturePath('ada'), ...args]);
      expect(status, args.join(' ')).toBe(0);
      expect(stdout, args.join(' ')).toMatch(/^Berufserfahrung$/m);
      expect(stdout, args.join(' ')).toMatch(/Senior Software Engineer [·-] 03\/2019 [–-] heute/);
    }
  });

  it("a code the locale data lacks is dated in English, not in the machine's locale", () => {
    const {stdout} = runCli([fixturePath('ada'), '--lang', 'xx'], {env: cleanEnv({LC_ALL: 'de_DE.UTF-8', LANG: 'de_DE.UTF-8'})});
    expect(stdout).toContain('Senior Software Engineer · Mar 2019 – Present');
  });

  it('refuses what is not a language tag: one line, exit 2', () => {
    const {status, stdout, stderr} = runCli([DE, '--lang', 'Deutsch']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${PROGRAM}: --lang must be a BCP 47 language tag such as de, pt-BR or zh-Hant, got "Deutsch" (see ${PROGRAM} --help)\n`);
    expect(runCli([DE, '--lang']).status).toBe(2);
  });

  it('is in --help', () => {
    expect(runCli(['--help']).stdout).toMatch(/--lang\s+the résumé's language, a BCP 47 tag/);
  });
});

describe('--check names the language it settled on, and how', () => {
  it.each([
    [[DE], `${DE}: language de (detected from its text: franc-min puts it ahead by 0.`],
    [[JA], `${JA}: language ja (detected from its script: Han and kana, 1.00 of the letters)`],
    [['test/fixtures/lang/pt.json'], 'test/fixtures/lang/pt.json: language pt-BR (meta.lang)'],
    [[DE, '--lang', 'pl'], `${DE}: language pl (--lang)`],
  ])('%j', (args, line) => {
    const {status, stdout} = runCli(['--check', ...args]);
    expect(status).toBe(0);
    const [problems, language, end] = stdout.split('\n');
    expect(problems).toBe(`${args[0]}: no problems`);
    expect(language!.startsWith(line), language).toBe(true);
    expect(end).toBe('');
  });
});
