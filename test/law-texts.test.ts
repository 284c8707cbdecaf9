import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { DASHBOARD, loadDashboardModule } from './dashboard-module';

/** The statutes as Markdown, beside the repository (not part of it; a fresh clone has none). */
const SHARED_DATA = process.env.SAMSYN_SHARED_DATA ?? path.resolve(__dirname, '../../shared/data');

type LagrumCheck = {
  status: string;
  message: string;
  href?: string;
  references: { law: string; chapter: string | null; section: string }[];
};
interface LawModule {
  checkLagrum(text: string): LagrumCheck;
  lagrumHref(text: string): string | undefined;
  versionOn(versions: { from?: string; until?: string; text: string }[], day: string): { text: string } | undefined;
  LAWS: { key: string; code: string; sfs: string; chapters: { number: string | null; sections: string[] }[] }[];
}

describe('the law texts Samsyn knows', () => {
  const law = loadDashboardModule<LawModule>('src/model/law.ts');

  it('are SoL 2025:400, SoF 2025:468 and LSS 1993:387, with their chapters and sections', () => {
    expect(law.LAWS.map((entry) => [entry.code, entry.sfs])).toEqual([
      ['SoL', '2025:400'],
      ['SoF', '2025:468'],
      ['LSS', '1993:387'],
    ]);
    const sol = law.LAWS[0];
    expect(sol.chapters).toHaveLength(35);
    expect(sol.chapters.find((chapter) => chapter.number === '20')?.sections).toEqual(expect.arrayContaining(['1', '2', '3']));
    expect(law.LAWS[2].chapters).toEqual([expect.objectContaining({ number: null, sections: expect.arrayContaining(['9', '9a']) })]);
  });

  it.each([
    ['SoL 20 kap. 2 §', '#/lag/sol/20/2'],
    ['SoF 12 kap. 2 §', '#/lag/sof/12/2'],
    ['LSS 9 §', '#/lag/lss/9'],
    ['LSS 9 § 3', '#/lag/lss/9'],
    ['SoL 12 kap. 7 a §', '#/lag/sol/12/7a'],
    ['sol 20 kap 3 § första stycket', '#/lag/sol/20/3'],
    ['SoL 20 kap. 2 och 3 §§', '#/lag/sol/20/2'],
  ])('knows %s and links it to %s', (text, href) => {
    expect(law.checkLagrum(text)).toMatchObject({ status: 'known', href });
    expect(law.lagrumHref(text)).toBe(href);
  });

  it.each([
    ['SoL 99 kap. 1 §', 'SoL har inget 99 kap.'],
    ['SoL 20 kap. 99 §', '20 kap. i SoL har ingen 99 §.'],
    ['SoL 20 kap. 2 och 98 §§', '20 kap. i SoL har ingen 98 §.'],
    ['LSS 200 §', 'LSS har ingen 200 §.'],
    ['LSS 3 kap. 1 §', 'LSS har inga kapitel: skriv bara paragrafen, till exempel "LSS 9 §".'],
    ['SoL 5 §', 'SoL är indelad i kapitel: ange kapitlet, till exempel "SoL 1 kap. 1 §".'],
  ])('points out the unknown %s', (text, message) => {
    expect(law.checkLagrum(text)).toMatchObject({ status: 'unknown', message });
    expect(law.lagrumHref(text)).toBeUndefined();
  });

  it('says a repealed section is repealed, a law it has no text of cannot be checked, and how a lagrum is written', () => {
    expect(law.checkLagrum('LSS 17 a §')).toMatchObject({ status: 'repealed', message: 'LSS 17 a § har upphävts.', href: '#/lag/lss/17a' });
    expect(law.checkLagrum('LVU 2 §')).toMatchObject({ status: 'other-law' });
    expect(law.checkLagrum('barnets bästa')).toMatchObject({ status: 'unparsed' });
    expect(law.checkLagrum('')).toMatchObject({ status: 'unparsed' });
  });

  it('shows the wording in force on a day', () => {
    const versions = [
      { text: 'old', until: '2026-01-01' },
      { text: 'new', from: '2026-01-01' },
    ];
    expect(law.versionOn(versions, '2025-12-31')?.text).toBe('old');
    expect(law.versionOn(versions, '2026-01-01')?.text).toBe('new');
    expect(law.versionOn([{ text: 'only' }], '2026-06-01')?.text).toBe('only');
  });

  it('has every section of the wording files in the bundled index, and links between sections stay inside Samsyn', () => {
    for (const entry of law.LAWS) {
      const text = JSON.parse(fs.readFileSync(path.join(DASHBOARD, 'src/law', `${entry.key}.json`), 'utf8')) as {
        sections: Record<string, { text: string }[]>;
      };
      const indexed = entry.chapters.flatMap((chapter) =>
        chapter.sections.map((section) => (chapter.number ? `${chapter.number}:${section}` : section)),
      );
      expect(Object.keys(text.sections).sort()).toEqual([...indexed].sort());
      const links = Object.values(text.sections).flatMap((versions) =>
        versions.flatMap((version) => [...version.text.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1])),
      );
      expect(links.filter((link) => !link.startsWith('#/lag/'))).toEqual([]);
    }
  });

  const freshness = fs.existsSync(SHARED_DATA) ? it : it.skip;
  freshness(`are generated from the statutes in ${SHARED_DATA} (npm run law-data -w @samsyn/dashboard)`, async () => {
    const run = promisify(execFile)(process.execPath, [path.join(DASHBOARD, 'scripts/law-data.mjs'), '--check', SHARED_DATA]);
    await expect(
      run.then(
        () => 'fresh',
        (error: unknown) => (error as { stderr?: string }).stderr ?? String(error),
      ),
    ).resolves.toBe('fresh');
  });
});
