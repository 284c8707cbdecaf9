import lawIndex from '../law/index.json';

/**
 * The law texts Samsyn knows (SoL 2025:400, SoF 2025:468, LSS 1993:387), generated from Svensk författningssamling by
 * scripts/law-data.mjs. The index of chapters and sections is bundled, so a lagrum can be checked while typing; the
 * wording of the sections is fetched from /assets/law/<law>.json when a section is shown.
 */

export type LawKey = 'sol' | 'sof' | 'lss';

export interface LawChapter {
  /** "20", or null for a law without chapters (LSS). */
  number: string | null;
  title: string | null;
  /** Section numbers in the law's order, compact: "7a" for 7 a §. */
  sections: string[];
}

export interface Law {
  key: LawKey;
  /** The abbreviation used in lagrum: "SoL", "SoF", "LSS". */
  code: string;
  /** SFS number, "2025:400". */
  sfs: string;
  title: string;
  /** The latest amendment the text includes. */
  amendedBy: string | null;
  chapters: LawChapter[];
  /** Sections ("20:2" or "17a") that have been repealed. */
  repealed: string[];
}

export const LAWS: Law[] = (lawIndex as { laws: Law[] }).laws;

export function lawByKey(key: string): Law | undefined {
  return LAWS.find((law) => law.key === key.toLowerCase());
}

/** A reference to one section: "SoL 20 kap. 2 §" is { law: sol, chapter: "20", section: "2" }. */
export interface LawReference {
  law: LawKey;
  chapter: string | null;
  section: string;
}

/** "7a" → "7 a". */
export function spaced(number: string): string {
  return number.replace(/^(\d+)([a-z])$/, '$1 $2');
}

/** "SoL 20 kap. 2 §", "LSS 9 a §". */
export function referenceLabel(reference: LawReference): string {
  const law = lawByKey(reference.law);
  const chapter = reference.chapter ? `${spaced(reference.chapter)} kap. ` : '';
  return `${law?.code ?? reference.law} ${chapter}${spaced(reference.section)} §`;
}

/** The route showing a section's text: `#/lag/sol/20/2`, `#/lag/lss/9`. */
export function lawHref(reference: Pick<LawReference, 'law'> & Partial<LawReference>): string {
  const parts = [reference.law, reference.chapter, reference.section].filter((part): part is string => !!part);
  return `#/lag/${parts.map(encodeURIComponent).join('/')}`;
}

export type LagrumStatus =
  /** Every section it names exists in the law Samsyn knows. */
  | 'known'
  /** It names a section that has been repealed. */
  | 'repealed'
  /** It names a law Samsyn knows, but a chapter or section that law does not have. */
  | 'unknown'
  /** It names a law Samsyn has no text of (LVU, FL, …): neither right nor wrong as far as Samsyn can tell. */
  | 'other-law'
  /** It does not read as "<lag> [<n> kap.] <n> §". */
  | 'unparsed';

export interface LagrumCheck {
  status: LagrumStatus;
  /** In Swedish, for the person typing: what is wrong, or what the lagrum names. */
  message: string;
  /** The sections named, when the law is known (several for "SoL 20 kap. 2 och 3 §§"). */
  references: LawReference[];
  /** The text of the first section named, when it exists. */
  href?: string;
}

const NUMBER = String.raw`\d+(?:\s?[a-z])?`;
const LAGRUM = new RegExp(
  String.raw`^\s*([A-Za-zÅÄÖåäö]+)\s+(?:(${NUMBER})\s*kap\.?\s+)?((?:${NUMBER})(?:\s*(?:,|och|-|–)\s*${NUMBER})*)\s*(§§?)(.*)$`,
  'i',
);

const compact = (number: string) => number.replace(/\s+/g, '').toLowerCase();

/**
 * Checks a lagrum such as "SoL 20 kap. 2 §", "LSS 9 §", "SoF 12 kap. 2 §" or "SoL 20 kap. 2 och 3 §§" against the
 * chapters and sections of the laws Samsyn knows. Words after the § ("första stycket", "3 p.") are allowed and not
 * checked.
 */
export function checkLagrum(text: string): LagrumCheck {
  const match = LAGRUM.exec(text);
  if (!match) {
    return {
      status: 'unparsed',
      message: 'Skriv lagrummet som lag, kapitel och paragraf, till exempel "SoL 20 kap. 2 §" eller "LSS 9 §".',
      references: [],
    };
  }
  const [, code, chapterText, sectionsText] = match;
  const law = LAWS.find((entry) => entry.code.toLowerCase() === code.toLowerCase());
  if (!law) {
    return {
      status: 'other-law',
      message: `Samsyn har inte lagtexten för ${code} och kan inte kontrollera lagrummet (kända lagar: ${LAWS.map((entry) => entry.code).join(', ')}).`,
      references: [],
    };
  }
  const chaptered = law.chapters.some((chapter) => chapter.number !== null);
  const chapterNumber = chapterText ? compact(chapterText) : null;
  if (chaptered && !chapterNumber) {
    return {
      status: 'unknown',
      message: `${law.code} är indelad i kapitel: ange kapitlet, till exempel "${law.code} 1 kap. 1 §".`,
      references: [],
    };
  }
  if (!chaptered && chapterNumber) {
    return {
      status: 'unknown',
      message: `${law.code} har inga kapitel: skriv bara paragrafen, till exempel "${law.code} 9 §".`,
      references: [],
    };
  }
  const chapter = law.chapters.find((entry) => entry.number === chapterNumber);
  if (!chapter) {
    return { status: 'unknown', message: `${law.code} har inget ${spaced(chapterNumber ?? '')} kap.`, references: [] };
  }
  const sections = sectionsText.split(/\s*(?:,|och)\s*/).flatMap((part): string[] => {
    // "2-4 §§" names 2, 3 and 4: every section of the chapter from the first to the last.
    const range = /^(\S+)\s*[-–]\s*(\S+)$/.exec(part.trim());
    if (!range) return [compact(part)];
    const first = chapter.sections.indexOf(compact(range[1]));
    const last = chapter.sections.indexOf(compact(range[2]));
    return first >= 0 && last >= first ? chapter.sections.slice(first, last + 1) : [compact(range[1]), compact(range[2])];
  });
  const references = sections.map((section) => ({ law: law.key, chapter: chapterNumber, section }));
  const missing = references.filter((reference) => !chapter.sections.includes(reference.section));
  if (missing.length > 0) {
    const where = chapterNumber ? `${spaced(chapterNumber)} kap. i ${law.code}` : law.code;
    return {
      status: 'unknown',
      message: `${where} har ingen ${missing.map((reference) => `${spaced(reference.section)} §`).join(', ')}.`,
      references,
    };
  }
  const href = lawHref(references[0]);
  const repealed = references.filter((reference) =>
    law.repealed.includes(chapterNumber ? `${chapterNumber}:${reference.section}` : reference.section),
  );
  if (repealed.length > 0) {
    return { status: 'repealed', message: `${repealed.map(referenceLabel).join(', ')} har upphävts.`, references, href };
  }
  return { status: 'known', message: `${references.map(referenceLabel).join(', ')} i ${law.title} (${law.sfs}).`, references, href };
}

/** The link to a lagrum's text, or undefined when Samsyn does not know it. */
export function lagrumHref(text: string): string | undefined {
  const check = checkLagrum(text);
  return check.status === 'known' || check.status === 'repealed' ? check.href : undefined;
}

/** One wording of a section; `from`/`until` bound it when the law changed it. */
export interface SectionVersion {
  /** The heading the section stands under in the law. */
  heading?: string;
  /** Markdown; links to other sections point at `#/lag/…`. */
  text: string;
  from?: string;
  until?: string;
  repealed?: boolean;
}

export interface LawText {
  key: LawKey;
  code: string;
  sfs: string;
  title: string;
  amendedBy: string | null;
  /** By "20:2" (chapter:section) or "9" (laws without chapters). */
  sections: Record<string, SectionVersion[]>;
}

const texts = new Map<LawKey, Promise<LawText>>();

/** The wording of every section of a law, fetched once per page load. */
export function loadLawText(key: LawKey): Promise<LawText> {
  let text = texts.get(key);
  if (!text) {
    text = fetch(`/assets/law/${key}.json`).then(async (response) => {
      if (!response.ok) throw new Error(`Lagtexten kunde inte hämtas (${response.status}).`);
      return (await response.json()) as LawText;
    });
    text.catch(() => texts.delete(key));
    texts.set(key, text);
  }
  return text;
}

/** The wording in force on `day` (YYYY-MM-DD): the one whose dates include it, else the latest. */
export function versionOn(versions: SectionVersion[], day: string): SectionVersion | undefined {
  return versions.find((version) => (!version.from || version.from <= day) && (!version.until || day < version.until)) ?? versions.at(-1);
}
