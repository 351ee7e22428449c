import type {SectionId} from '../document/sections';

// The résumé's own words, per language: the labels of an entry's blocks, what an open end is
// called, the section titles and the date style. The language is the résumé's (src/i18n/language.ts),
// not the reader's: the app's own words (status bar, help) are another table. What the résumé says
// itself (meta["x-labels"], meta["x-sectionTitles"], meta["x-dates"]) wins over this table.

/** Labels of an entry's blocks, and what an open end is called. */
export interface Labels {
  /** A project's `description`. */
  description: string;
  /** A project's `highlights`. */
  highlights: string;
  /** The `keywords` of a project, a skill or an interest. */
  keywords: string;
  /** An education's `courses`. */
  courses: string;
  /** Fields the viewer does not know, listed after the ones it does. */
  more: string;
  /** An education's `score` (unless its own `x-scoreLabel` says otherwise). */
  score: string;
  /** An open end: `2021 – present`. */
  present: string;
}

/**
 * How a month is written: an `Intl.DateTimeFormat` month style, in the locale's own order
 * (`short`: "Jun 2021", "2021年6月"; `2-digit`: "06/2021", "06.2021").
 */
export type MonthStyle = 'short' | 'long' | '2-digit' | 'numeric';

export interface LabelSet {
  labels: Labels;
  /** Section titles; a section missing here keeps the sections table's English title. */
  titles: Partial<Record<SectionId, string>>;
  /**
   * How a month is written: an Intl style (`short`: `Jun 2021`), or, where ICU's pattern differs
   * between Node lines, an example of June 2021 as the language writes it (`06/2021`): Node 20.19's
   * ICU wrote German `04.2021`, later ones `04/2021`, and a reader's Node must not change the résumé.
   */
  month: MonthStyle | string;
  /** Between a period's start and end, with a space either side unless it is wide (src/i18n/dates.ts): "–", "～". */
  range: string;
}

/** A language's set, or a region's changes to its language's set (`pt-PT` over `pt`). */
type Entry = LabelSet | {base: string; labels?: Partial<Labels>; titles?: Partial<Record<SectionId, string>>};

/**
 * The built-in sets, by BCP 47 language (with a script where it matters: `zh-Hans`, `zh-Hant`),
 * in the words résumés in that language use. English titles are the sections table's own
 * (src/document/sections.ts).
 */
const SETS = {
  en: {
    labels: {description: 'Summary', highlights: 'Highlights', keywords: 'Keywords', courses: 'Courses', more: 'More', score: 'Score', present: 'Present'},
    titles: {},
    month: 'short',
    range: '–',
  },
  ko: {
    labels: {description: '설명', highlights: '주요 성과', keywords: '키워드', courses: '수강 과목', more: '기타', score: '학점', present: '현재'},
    titles: {work: '경력', projects: '프로젝트', volunteer: '봉사 활동', personal: '학력', awards: '수상', certificates: '자격증', publications: '논문·출판', skills: '기술', languages: '외국어', interests: '관심 분야', references: '추천인', essays: '에세이'},
    month: 'short',
    range: '~',
  },
  ja: {
    labels: {description: '概要', highlights: '主な実績', keywords: 'キーワード', courses: '履修科目', more: 'その他', score: '成績', present: '現在'},
    titles: {work: '職歴', projects: 'プロジェクト', volunteer: 'ボランティア活動', personal: '学歴', awards: '受賞歴', certificates: '資格', publications: '論文・著書', skills: 'スキル', languages: '語学', interests: '興味・関心', references: '推薦者', essays: 'エッセイ'},
    month: 'short',
    range: '～',
  },
  'zh-Hans': {
    labels: {description: '描述', highlights: '主要成果', keywords: '关键词', courses: '主修课程', more: '其他', score: '成绩', present: '至今'},
    titles: {work: '工作经历', projects: '项目经历', volunteer: '志愿者经历', personal: '教育背景', awards: '获奖情况', certificates: '证书', publications: '论文与出版物', skills: '专业技能', languages: '语言能力', interests: '兴趣爱好', references: '推荐人', essays: '文章'},
    month: 'short',
    range: '–',
  },
  'zh-Hant': {
    labels: {description: '描述', highlights: '主要成果', keywords: '關鍵字', courses: '主修課程', more: '其他', score: '成績', present: '至今'},
    titles: {work: '工作經歷', projects: '專案經歷', volunteer: '志工經歷', personal: '學歷', awards: '獲獎紀錄', certificates: '證照', publications: '論文與出版品', skills: '專業技能', languages: '語言能力', interests: '興趣', references: '推薦人', essays: '文章'},
    month: 'short',
    range: '–',
  },
  de: {
    labels: {description: 'Beschreibung', highlights: 'Erfolge', keywords: 'Stichwörter', courses: 'Kurse', more: 'Weiteres', score: 'Note', present: 'heute'},
    titles: {work: 'Berufserfahrung', projects: 'Projekte', volunteer: 'Ehrenamt', personal: 'Ausbildung', awards: 'Auszeichnungen', certificates: 'Zertifikate', publications: 'Veröffentlichungen', skills: 'Kenntnisse', languages: 'Sprachen', interests: 'Interessen', references: 'Referenzen', essays: 'Essays'},
    month: '06/2021',
    range: '–',
  },
  es: {
    labels: {description: 'Descripción', highlights: 'Logros', keywords: 'Palabras clave', courses: 'Cursos', more: 'Otros', score: 'Calificación', present: 'actualidad'},
    titles: {work: 'Experiencia laboral', projects: 'Proyectos', volunteer: 'Voluntariado', personal: 'Formación', awards: 'Premios', certificates: 'Certificaciones', publications: 'Publicaciones', skills: 'Habilidades', languages: 'Idiomas', interests: 'Intereses', references: 'Referencias', essays: 'Ensayos'},
    month: 'short',
    range: '–',
  },
  pt: {
    labels: {description: 'Descrição', highlights: 'Realizações', keywords: 'Palavras-chave', courses: 'Disciplinas', more: 'Outros', score: 'Nota', present: 'atual'},
    titles: {work: 'Experiência profissional', projects: 'Projetos', volunteer: 'Voluntariado', personal: 'Formação', awards: 'Prêmios', certificates: 'Certificações', publications: 'Publicações', skills: 'Habilidades', languages: 'Idiomas', interests: 'Interesses', references: 'Referências', essays: 'Ensaios'},
    month: '06/2021',
    range: '–',
  },
  // European Portuguese spells a few of them its own way.
  'pt-PT': {base: 'pt', titles: {awards: 'Prémios', skills: 'Competências', languages: 'Línguas'}},
  fr: {
    labels: {description: 'Description', highlights: 'Réalisations', keywords: 'Mots-clés', courses: 'Cours', more: 'Autres', score: 'Note', present: 'aujourd’hui'},
    titles: {work: 'Expérience professionnelle', projects: 'Projets', volunteer: 'Bénévolat', personal: 'Formation', awards: 'Distinctions', certificates: 'Certifications', publications: 'Publications', skills: 'Compétences', languages: 'Langues', interests: 'Centres d’intérêt', references: 'Références', essays: 'Essais'},
    month: 'short',
    range: '–',
  },
  ru: {
    labels: {description: 'Описание', highlights: 'Достижения', keywords: 'Ключевые слова', courses: 'Курсы', more: 'Дополнительно', score: 'Средний балл', present: 'настоящее время'},
    titles: {work: 'Опыт работы', projects: 'Проекты', volunteer: 'Волонтёрство', personal: 'Образование', awards: 'Награды', certificates: 'Сертификаты', publications: 'Публикации', skills: 'Навыки', languages: 'Языки', interests: 'Интересы', references: 'Рекомендации', essays: 'Эссе'},
    month: '06.2021',
    range: '–',
  },
  pl: {
    labels: {description: 'Opis', highlights: 'Osiągnięcia', keywords: 'Słowa kluczowe', courses: 'Przedmioty', more: 'Inne', score: 'Ocena', present: 'obecnie'},
    titles: {work: 'Doświadczenie zawodowe', projects: 'Projekty', volunteer: 'Wolontariat', personal: 'Wykształcenie', awards: 'Nagrody', certificates: 'Certyfikaty', publications: 'Publikacje', skills: 'Umiejętności', languages: 'Języki', interests: 'Zainteresowania', references: 'Referencje', essays: 'Eseje'},
    month: '06.2021',
    range: '–',
  },
} as const satisfies Record<string, Entry>;

/** The languages with built-in words (a region's variant included: `pt-PT`). */
export const BUILT_IN_LANGUAGES = Object.keys(SETS);

export const ENGLISH: LabelSet = SETS.en;

/** Regions that write Chinese in Traditional characters, when a tag names no script. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * The set for a BCP 47 tag: its language with its region (`pt-PT`), with its script (`zh-Hant`;
 * for Chinese without one, from the region: `zh-TW` is Traditional), or alone; English for a
 * language without a set of its own (its dates still follow its locale: src/i18n/dates.ts).
 * Read from the tag itself: Intl.Locale's maximize() would cost 5–15 ms of start-up.
 */
export function labelSetFor(tag: string): {key: keyof typeof SETS; set: LabelSet} {
  const locale = new Intl.Locale(tag);
  const script = locale.script ?? (locale.language === 'zh' ? (TRADITIONAL_REGIONS.has(locale.region ?? '') ? 'Hant' : 'Hans') : '');
  const keys = [`${locale.language}-${locale.region ?? ''}`, `${locale.language}-${script}`, locale.language];
  const key = (keys.find((k) => k in SETS) ?? 'en') as keyof typeof SETS;
  return {key, set: setOf(key)};
}

function setOf(key: keyof typeof SETS): LabelSet {
  const entry: Entry = SETS[key];
  if (!('base' in entry)) return entry;
  const base = setOf(entry.base as keyof typeof SETS);
  return {...base, labels: {...base.labels, ...entry.labels}, titles: {...base.titles, ...entry.titles}};
}
