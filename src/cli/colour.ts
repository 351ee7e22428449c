import {backgroundFromColorFgBg, type Background} from '../terminal/background';
import type {ColourDepth, ThemeName} from '../theme/theme';
import {colorLevel} from './mode';
import {programEnv} from '../program';

/** What is about to be drawn: the colored print, or the full-screen app. */
export type ColourTarget = 'print' | 'app';

/**
 * The chalk level of a run. With color: FORCE_COLOR's level when it gives one, else the higher of
 * what the environment says (colorLevel) and what chalk detected for stdout (it knows terminals
 * that set no COLORTERM, such as Windows Terminal). Without color the print is plain text, but
 * the app keeps level 1: its mono theme shows focus and badges through bold, inverse and
 * underline, which chalk writes only from level 1 (the theme has no color to write).
 */
export function chalkLevel(target: ColourTarget, color: boolean, env: NodeJS.ProcessEnv, detected: number): 0 | 1 | 2 | 3 {
  if (!color) return target === 'app' ? 1 : 0;
  const level = colorLevel(true, env);
  if (/^\s*[123]\s*$/.test(env.FORCE_COLOR ?? '')) return level;
  return Math.max(level, Math.min(detected, 3)) as 1 | 2 | 3;
}

/**
 * Loads chalk and sets its level, once, before anything colored is drawn: the only place that
 * assigns chalk.level (Ink, marked-terminal and the theme's chalk functions share this chalk).
 * chalk's own detection reads `--no-color` from process.argv and ignores NO_COLOR (chalk#547),
 * so it is never left to decide. Loaded here, not imported: the plain path never loads chalk.
 */
export async function setColourLevel(target: ColourTarget, color: boolean, env: NodeJS.ProcessEnv): Promise<0 | 1 | 2 | 3> {
  const {default: chalk, supportsColor} = await import('chalk');
  return (chalk.level = chalkLevel(target, color, env, supportsColor ? supportsColor.level : 0));
}

/**
 * The colour depth a chalk level stands for, which the theme follows (src/theme/theme.ts
 * tokensFor): level 1 is 16 colors (TERM=xterm, vt100, vt220, ansi, linux or screen with no
 * COLORTERM; supports-color's reading, bundled in chalk), 2 the 256 palette (`*-256color`), 3
 * truecolour (COLORTERM=truecolor or 24bit, and terminals supports-color knows). FORCE_COLOR=1–3
 * sets it.
 */
export function depthOf(level: 0 | 1 | 2 | 3): ColourDepth {
  return level >= 3 ? 'truecolor' : level === 2 ? 256 : 16;
}

/**
 * The colour depth a remote terminal declares (`kim-resume serve`): only its TERM, and
 * COLORTERM or FORCE_COLOR if its client sent them, are known.
 */
export const declaredDepth = (env: NodeJS.ProcessEnv): ColourDepth => depthOf(colorLevel(true, env));

/** What `--theme` and KIM_RESUME_THEME may say. */
export const THEME_CHOICES = ['auto', 'dark', 'light'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

/**
 * The theme asked for: `--theme` first, then KIM_RESUME_THEME (any case; a value that is not a
 * choice is ignored, as an environment left over from elsewhere should not stop the program),
 * else `auto`.
 */
export function themeChoice(flag: ThemeChoice | undefined, env: NodeJS.ProcessEnv): ThemeChoice {
  if (flag !== undefined) return flag;
  const value = programEnv(env, 'THEME')?.trim().toLowerCase();
  return (THEME_CHOICES as readonly string[]).includes(value ?? '') ? (value as ThemeChoice) : 'auto';
}

/** Whether the terminal must be asked for its background: only when color is on and the theme is `auto`. */
export const needsBackground = (color: boolean, choice: ThemeChoice) => color && choice === 'auto';

/**
 * The theme that runs. No color: `mono`, whatever else is asked. `dark` or `light` as asked.
 * `auto`: the background the terminal answered (OSC 11), else the one COLORFGBG names, else
 * `neutral`, which reads on both.
 */
export function themeName(color: boolean, choice: ThemeChoice, answered: Background | undefined, env: NodeJS.ProcessEnv): ThemeName {
  if (!color) return 'mono';
  if (choice !== 'auto') return choice;
  return answered ?? backgroundFromColorFgBg(env.COLORFGBG) ?? 'neutral';
}
