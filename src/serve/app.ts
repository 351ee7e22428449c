import {askTerminal, mayAnswerLate} from '../terminal/ask';
import {OSC11_QUERY, type Background} from '../terminal/background';
import {declaredDepth, themeName} from '../cli/colour';
import {asciiReason} from '../cli/locale';
import {readerLanguage} from '../i18n/reader';
import {crashAfterKeys, runInteractive} from '../ui/start';
import type {Content} from './content';
import type {ChannelSession} from './ssh-session';

/**
 * One reader's app over SSH: its own Ink instance and state, in its own session. The background
 * is asked over the channel as a local terminal is asked (OSC 11, then the sentinel, and a late
 * answer from inside GNU screen awaited; the theme is chosen once the answers are in); the
 * widths are not measured (the measured widths are process-wide, and two readers'
 * terminals may draw an emoji differently): the default count is used.
 */
export async function runApp(session: ChannelSession, content: Content, env: NodeJS.ProcessEnv): Promise<number> {
  const asking = askTerminal(session.input, session.output, [OSC11_QUERY], {lateReplies: mayAnswerLate({TERM: session.term})});
  const theme = (background: Background | undefined) => themeName(true, 'auto', background, {});
  // The colors the client's terminal declares by its TERM (chalk itself writes every depth: serve
  // sets level 3), and ASCII when the locale it sent is not UTF-8 (nothing sent: Unicode).
  const ascii = asciiReason(undefined, session.env) !== undefined;
  // The app's words in the language of the locale the client sent (LC_ALL > LC_MESSAGES > LANG); in ASCII, English.
  const language = ascii ? 'en' : readerLanguage(session.env).language;
  return runInteractive(ascii ? content.asciiDoc : content.doc, {color: true, theme, depth: declaredDepth({TERM: session.term, COLORTERM: session.env.COLORTERM}), ascii, language, mouse: true, asking, crashAfterKeys: crashAfterKeys(env)}, session);
}
