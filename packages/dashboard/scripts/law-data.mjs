// Writes the law texts Samsyn knows into the dashboard, from the Markdown statutes in ../shared/data (Svensk
// författningssamling; Swedish statutes are free of copyright, 1 kap. 9 § upphovsrättslagen). A fresh clone has no
// ../shared, so the result is committed:
//   src/law/index.json  every law's chapters and sections (bundled: the editor checks lagrum while typing);
//   src/law/<law>.json  each section's wording, with dates where it changed (served at /assets/law/, read on demand).
// Usage: node scripts/law-data.mjs [--check] [data folder]; the folder defaults to $SAMSYN_SHARED_DATA or
// <repository>/../shared/data. --check writes nothing and exits 1 when the committed files differ.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repository = path.resolve(root, '../..');
const OUT = path.join(root, 'src/law');

/** The statutes, by the key used in URLs (`#/lag/sol/20/2`) and the abbreviation used in lagrum ("SoL 20 kap. 2 §"). */
export const LAWS = [
  { key: 'sol', code: 'SoL', file: 'law-sol-2025-400.md' },
  { key: 'sof', code: 'SoF', file: 'law-sof-2025-468.md' },
  { key: 'lss', code: 'LSS', file: 'law-lss-1993-387.md' },
];

/** "7 a" → "7a": the form sections and chapters are keyed by. */
const compact = (number) => number.replace(/\s+/g, '');

function frontMatter(text) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  const field = (name) => new RegExp(`^${name}:\\s*"?([^"\\n]*)"?$`, 'm').exec(match[1])?.[1]?.trim();
  const amendments = [...match[1].matchAll(/^ {2}- beteckning:\s*"?([^"\n]*)"?$/gm)].map((m) => m[1]);
  return {
    sfs: field('beteckning'),
    title: field('rubrik'),
    // The latest amendment by its number (year, then number within the year); the list is not in order.
    amendedBy:
      amendments
        .map((sfs) => sfs.split(':').map(Number))
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .map((parts) => parts.join(':'))
        .at(-1) ?? null,
    body: text.slice(match[0].length),
  };
}

/**
 * Rewrites the statute's own links: a reference to another section of the same law becomes a link to Samsyn's view
 * of it; links to other sites (selex.se) become their text, so reading a section links nowhere else.
 */
function rewriteLinks(text, law, chapter, chaptered) {
  return text.replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_whole, label, target) => {
    if (!target.startsWith('#')) return label;
    const anchor = target.slice(1);
    const full = /^kap(\d+[a-z]?)\.(\d+[a-z]?)$/.exec(anchor);
    if (full) return `[${label}](#/lag/${law.key}/${full[1]}/${full[2]})`;
    if (/^\d+[a-z]?$/.test(anchor)) {
      return chaptered ? `[${label}](#/lag/${law.key}/${chapter}/${anchor})` : `[${label}](#/lag/${law.key}/${anchor})`;
    }
    return label;
  });
}

function parseLaw(law, text) {
  const { sfs, title, amendedBy, body } = frontMatter(text);
  const chaptered = /^#+ \d+ ?[a-z]? kap\. /m.test(body);
  const chapters = [];
  const sections = {};
  let chapter = chaptered ? null : { number: null, title: null, sections: [] };
  if (chapter) chapters.push(chapter);
  let heading = null;
  let status = {};
  let current = null;
  let transitional = false;

  const finish = () => {
    if (!current) return;
    const lines = current.lines.join('\n').trim();
    current.version.text = rewriteLinks(lines, law, chapter?.number, chaptered);
    current = null;
  };

  for (const line of body.split('\n')) {
    const section = /^<section([^>]*)>/.exec(line);
    if (section) {
      finish();
      const attrs = section[1];
      status = {
        from: /selex:ikraft_datum="([^"]+)"/.exec(attrs)?.[1],
        until: /selex:upphor_datum="([^"]+)"/.exec(attrs)?.[1],
        repealed: /selex:status="upphavd"/.test(attrs),
      };
      continue;
    }
    if (/^<\/section>|^<\/?article/.test(line)) {
      finish();
      status = {};
      continue;
    }
    const head = /^(#+) (.*)$/.exec(line);
    if (head) {
      finish();
      const textOfHeading = head[2].trim();
      const paragraph = /^(\d+(?: ?[a-z])?) §$/.exec(textOfHeading);
      const chapterHeading = /^(\d+(?: ?[a-z])?) kap\. ?(.*)$/.exec(textOfHeading);
      if (head[1].length === 1 || /^AVDELNING/.test(textOfHeading)) {
        heading = null;
      } else if (chapterHeading && chaptered) {
        chapter = { number: compact(chapterHeading[1]), title: chapterHeading[2].trim(), sections: [] };
        chapters.push(chapter);
        heading = null;
        transitional = false;
      } else if (paragraph && chapter && !transitional) {
        const number = compact(paragraph[1]);
        const key = chaptered ? `${chapter.number}:${number}` : number;
        if (!sections[key]) {
          sections[key] = [];
          chapter.sections.push(number);
        }
        const version = { heading: heading ?? undefined, text: '' };
        if (status.from) version.from = status.from;
        if (status.until) version.until = status.until;
        if (status.repealed) version.repealed = true;
        sections[key].push(version);
        current = { version, lines: [] };
      } else if (/^Övergångsbestämmelser/.test(textOfHeading)) {
        transitional = true;
        heading = null;
      } else {
        heading = textOfHeading;
      }
      status = {};
      continue;
    }
    if (current) current.lines.push(line);
  }
  finish();

  // A section is repealed when every wording of it is ("Har upphävts genom ..."), and only that is kept of it.
  const repealed = Object.entries(sections)
    .filter(([, versions]) => versions.every((version) => version.repealed || /^Har upphävts genom/.test(version.text)))
    .map(([key]) => key);
  return {
    index: {
      key: law.key,
      code: law.code,
      sfs,
      title,
      amendedBy,
      chapters: chapters.map((entry) => ({
        number: entry.number,
        title: entry.title,
        sections: entry.sections,
      })),
      repealed,
    },
    texts: { key: law.key, code: law.code, sfs, title, amendedBy, sections },
  };
}

export function generate(dataDir) {
  const files = { 'index.json': null };
  const index = [];
  for (const law of LAWS) {
    const { index: entry, texts } = parseLaw(law, fs.readFileSync(path.join(dataDir, law.file), 'utf8'));
    index.push(entry);
    files[`${law.key}.json`] = `${JSON.stringify(texts)}\n`;
  }
  files['index.json'] = `${JSON.stringify({ laws: index })}\n`;
  return files;
}

function main() {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const dataDir = path.resolve(
    args.find((arg) => !arg.startsWith('--')) ?? process.env.SAMSYN_SHARED_DATA ?? path.join(repository, '../shared/data'),
  );
  if (!fs.existsSync(dataDir)) {
    console.error(`No law texts at ${dataDir}: pass the folder holding law-*.md.`);
    process.exit(2);
  }
  const files = generate(dataDir);
  const stale = [];
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(OUT, name);
    const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === content;
    if (same) continue;
    stale.push(path.relative(repository, file));
    if (!check) {
      fs.mkdirSync(OUT, { recursive: true });
      fs.writeFileSync(file, content);
    }
  }
  if (check && stale.length > 0) {
    console.error(`Out of date with ${dataDir}: ${stale.join(', ')}. Run npm run law-data -w @samsyn/dashboard.`);
    process.exit(1);
  }
  if (!check) console.log(stale.length ? `Wrote ${stale.join(', ')}.` : 'The law texts were already up to date.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
