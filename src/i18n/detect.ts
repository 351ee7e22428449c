import {francAll} from 'franc-min';
/**
 * The Latin-script languages franc-min tells apart (ISO 639-3, as franc names them) and their
 * BCP 47 tags: the ones with built-in labels, and Italian and Dutch, so that a résumé in either is
 * not taken for Spanish or German (it keeps English labels and gets its own dates). The build keeps
 * only these in franc-min's data (scripts/build/plugins/franc-languages.mjs).
 */
import LATIN from './latin-languages.json';

// The language of a résumé's own text, when nothing names it: its script where the script says it
// (Hangul, kana, Han, Cyrillic, Thai, Arabic, Hebrew, Greek, Devanagari), else franc-min's trigram
// statistics among the Latin-script languages of latin-languages.json. Pure: the same text, the
// same answer.

/** What detection found: a BCP 47 tag and how sure it is, or nothing it is sure enough of. */
export type Detection =
  /** `confidence`: the script's share of the letters (CJK characters weighted: CJK_WEIGHT). */
  | {tag: string; by: 'script'; script: string; confidence: number}
  /** `confidence`: how far the best language's trigram score is ahead of the next one's (0–1). */
  | {tag: string; by: 'trigrams'; confidence: number}
  | {tag: undefined; confidence: number; why: string};

/** Below this share of the letters, a script settles nothing (a résumé in two scripts). */
export const MIN_SCRIPT_SHARE = 0.5;
/**
 * franc-min's margin between the best Latin-script language and the next (its scores are 1 for
 * the best and less for the others), on the first LATIN_SAMPLE characters, must reach this. On
 * the test fixtures a real language leads by 0.055–0.16 there (Portuguese over Spanish the
 * closest, then German over Dutch); Swedish, which is not told apart, comes out German by 0.005.
 * A few words lead by anything, hence MIN_LATIN_LETTERS too.
 */
export const MIN_MARGIN = 0.03;
/**
 * franc-min reads this many characters: its margins shrink as a text grows (it divides by the
 * length, while the trigrams a text has grow slower), so one length keeps one threshold right.
 */
export const LATIN_SAMPLE = 500;
/** Fewer Latin letters than this are too few to tell one language from another. */
export const MIN_LATIN_LETTERS = 60;
/** Fewer letters of a script than this settle nothing. */
const MIN_SCRIPT_LETTERS = 4;
/** The script count reads at most this much. */
export const SAMPLE_LENGTH = 2048;

/** The scripts counted. Han, kana and Hangul are one group when scripts are compared (Japanese is written in two). */
const SCRIPTS: ReadonlyArray<{script: string; letters: RegExp}> = [
  {script: 'Latin', letters: /\p{Script=Latin}/gu},
  {script: 'Cyrillic', letters: /\p{Script=Cyrillic}/gu},
  {script: 'Greek', letters: /\p{Script=Greek}/gu},
  {script: 'Arabic', letters: /\p{Script=Arabic}/gu},
  {script: 'Hebrew', letters: /\p{Script=Hebrew}/gu},
  {script: 'Thai', letters: /\p{Script=Thai}/gu},
  {script: 'Devanagari', letters: /\p{Script=Devanagari}/gu},
  {script: 'CJK', letters: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu},
];

/** A CJK character carries about what three Latin letters do (a syllable, often a word). */
const CJK_WEIGHT = 3;

/** Scripts that name one language. */
const SCRIPT_TAGS: Partial<Record<string, string>> = {Greek: 'el', Arabic: 'ar', Hebrew: 'he', Thai: 'th', Devanagari: 'hi'};

/**
 * Characters written one way in Simplified Chinese and another in Traditional, pairwise (the
 * i-th of each is one character): common in résumés, and none of them shared by the two.
 */
export const HANS_ONLY = '这个们为发经国学会时开业与务术设计项负责统数据库实现产网络应优构级团队进过对说语读东华员门间问题线电脑软长专历职课书从处万区维护测试环运营报见观记认让请论议证资质销购费钱银关动单减创导将层岁师带帮录态总战户执扩换机权条来极标样档检楼气没满点热爱画码种称稳简紧红约纪纸练组细终结给绝继绩续综编联节获订讨训讲许访评识诉词译话询该详误谁调谈谢财败货车转轮轻载较输边达远连选递邮钢铁错键闭阅阶际陆随难页顺预领频风飞马验鱼鸟黄齐';
export const HANT_ONLY = '這個們為發經國學會時開業與務術設計項負責統數據庫實現產網絡應優構級團隊進過對說語讀東華員門間問題線電腦軟長專歷職課書從處萬區維護測試環運營報見觀記認讓請論議證資質銷購費錢銀關動單減創導將層歲師帶幫錄態總戰戶執擴換機權條來極標樣檔檢樓氣沒滿點熱愛畫碼種稱穩簡緊紅約紀紙練組細終結給絕繼績續綜編聯節獲訂討訓講許訪評識訴詞譯話詢該詳誤誰調談謝財敗貨車轉輪輕載較輸邊達遠連選遞郵鋼鐵錯鍵閉閱階際陸隨難頁順預領頻風飛馬驗魚鳥黃齊';

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const countOf = (text: string, chars: string) => {
  let n = 0;
  for (const char of text) if (chars.includes(char)) n++;
  return n;
};

const FRANC_ONLY = Object.keys(LATIN);

/** The language of `text`, or why none is certain enough. */
export function detectLanguage(text: string): Detection {
  const sample = text.slice(0, SAMPLE_LENGTH);
  let [top, letters, weighted, total] = ['', 0, 0, 0];
  for (const {script, letters: pattern} of SCRIPTS) {
    const n = count(sample, pattern);
    const w = script === 'CJK' ? n * CJK_WEIGHT : n;
    total += w;
    if (w > weighted) [top, letters, weighted] = [script, n, w];
  }
  const share = total === 0 ? 0 : weighted / total;
  const confidence = Math.round(share * 100) / 100;
  if (letters < MIN_SCRIPT_LETTERS) return {tag: undefined, confidence: 0, why: 'too little text'};
  if (share < MIN_SCRIPT_SHARE) return {tag: undefined, confidence, why: 'no script makes up half of its letters'};
  if (top === 'Latin') return latinLanguage(sample, letters);
  if (top === 'CJK') return {...cjkLanguage(sample), by: 'script', confidence};
  if (top === 'Cyrillic') {
    // Russian unless the letters only Ukrainian has outnumber the ones only Russian has.
    const tag = countOf(sample, 'іїєґІЇЄҐ') > countOf(sample, 'ыэёъЫЭЁЪ') ? 'uk' : 'ru';
    return {tag, by: 'script', script: top, confidence};
  }
  return {tag: SCRIPT_TAGS[top]!, by: 'script', script: top, confidence};
}

/** Hangul is Korean; Han with kana is Japanese; Han alone is Chinese, Simplified or Traditional by its characters. */
function cjkLanguage(sample: string): {tag: string; script: string} {
  const [han, kana, hangul] = [count(sample, /\p{Script=Han}/gu), count(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu), count(sample, /\p{Script=Hangul}/gu)];
  if (hangul >= han && hangul >= kana) return {tag: 'ko', script: 'Hangul'};
  // Japanese text is a third kana or more; a Chinese one may name a Japanese company.
  if (kana >= 0.1 * (han + kana)) return {tag: 'ja', script: 'Han and kana'};
  return countOf(sample, HANT_ONLY) > countOf(sample, HANS_ONLY) ? {tag: 'zh-Hant', script: 'Han (Traditional)'} : {tag: 'zh-Hans', script: 'Han (Simplified)'};
}

/** A Latin-script language by franc-min, when it leads by MIN_MARGIN on enough letters. */
function latinLanguage(sample: string, letters: number): Detection {
  if (letters < MIN_LATIN_LETTERS) return {tag: undefined, confidence: 0, why: `too little text (${letters} Latin letters; ${MIN_LATIN_LETTERS} needed)`};
  const scores = francAll(sample.slice(0, LATIN_SAMPLE), {only: FRANC_ONLY, minLength: 1});
  const [best, next] = [scores[0], scores[1]];
  const margin = best && next ? Math.round((best[1] - next[1]) * 1000) / 1000 : 0;
  const tag = best ? (LATIN as Record<string, string>)[best[0]] : undefined;
  if (!tag || margin < MIN_MARGIN) return {tag: undefined, confidence: margin, why: `no language leads by ${MIN_MARGIN}`};
  return {tag, by: 'trigrams', confidence: margin};
}
