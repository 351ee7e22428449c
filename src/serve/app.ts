import {askTerminal} from '../terminal/ask';
import {OSC11_QUERY, type Background} from '../terminal/background';
import {themeName} from '../cli/colour';
import {crashAfterKeys, runInteractive} from '../ui/run';
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
  const asking = askTerminal(session.input, session.output, [OSC11_QUERY]);
  const theme = (background: Background | undefined) => themeName(true, 'auto', background, {});
  return runInteractive(content.doc, {color: true, theme, ascii: false, mouse: true, asking, crashAfterKeys: crashAfterKeys(env)}, session);
}
