import fs from 'node:fs';
import path from 'node:path';

/**
 * The NOTICE file: what Samsyn's own code is under, and the licence of every third-party package a deployment ships,
 * read from package-lock.json. A deployment is what the Dockerfile keeps (`npm prune --omit=dev`: every locked
 * package not marked dev) plus what the web app's bundle copies from development packages (BUNDLED).
 * `npm run notice` writes it; test/licence.test.ts fails when it no longer matches the lock file.
 */
export const REPO = path.resolve(__dirname, '..', '..');
export const NOTICE = path.join(REPO, 'NOTICE');
const LOCK = path.join(REPO, 'package-lock.json');

/** Development packages whose code the web app's bundle ships (packages/dashboard/build.mjs copies GraphiQL). */
const BUNDLED = ['@graphql-yoga/render-graphiql'];

/** Locked packages that name their licence only in an old `licenses` field or their LICENSE file (checked by hand). */
const LICENCE_FROM_FILE: Record<string, string> = { jstat: 'MIT' };

/** What each licence asks of whoever runs or passes on a deployment, in one line; others: see the package. */
const LICENCE_NOTES: Record<string, string> = {
  'Elastic-2.0':
    'Elastic License 2.0: free to use, copy, modify and run, also for the city; not to be offered to third parties as a hosted or managed service of the software itself, and its licensing notices must be kept.',
  MIT: 'MIT: keep the copyright and permission notice.',
  ISC: 'ISC: keep the copyright and permission notice.',
  'Apache-2.0': 'Apache 2.0: keep the licence, notices and any NOTICE file of the package.',
  'BSD-2-Clause': 'BSD 2-clause: keep the copyright notice and conditions.',
  'BSD-3-Clause': 'BSD 3-clause: keep the copyright notice and conditions; no endorsement by the authors.',
  'BlueOak-1.0.0': 'Blue Oak Model License 1.0.0: keep the licence text or its address.',
  '0BSD': 'Zero-clause BSD: no conditions.',
};

interface LockedPackage {
  version?: string;
  license?: string;
  dev?: boolean;
  link?: boolean;
}

/** The third-party packages a deployment ships, by licence, from a package-lock.json's text. */
export function shippedPackages(lockText: string): Map<string, string[]> {
  const { packages } = JSON.parse(lockText) as { packages: Record<string, LockedPackage> };
  const byLicence = new Map<string, Set<string>>();
  for (const [location, locked] of Object.entries(packages)) {
    const at = location.lastIndexOf('node_modules/');
    if (at < 0 || locked.link) continue;
    const name = location.slice(at + 'node_modules/'.length);
    if (locked.dev && !BUNDLED.includes(name)) continue;
    const licence = locked.license ?? LICENCE_FROM_FILE[name] ?? 'UNKNOWN (see the package)';
    if (!byLicence.has(licence)) byLicence.set(licence, new Set());
    byLicence.get(licence)!.add(`${name} ${locked.version}`);
  }
  // Licences with conditions beyond keeping a notice first, then the most common.
  const weight = (licence: string): number => (licence === 'Elastic-2.0' ? 1 : 0);
  return new Map(
    [...byLicence]
      .sort(([a, left], [b, right]) => weight(b) - weight(a) || right.size - left.size || a.localeCompare(b))
      .map(([licence, names]) => [licence, [...names].sort()]),
  );
}

/** The NOTICE text for a package-lock.json's text. */
export function noticeText(lockText: string): string {
  const shipped = shippedPackages(lockText);
  const total = [...shipped.values()].reduce((sum, names) => sum + names.length, 0);
  const sections = [...shipped].map(([licence, names]) =>
    [
      `${licence} (${names.length})${LICENCE_NOTES[licence] ? `\n${LICENCE_NOTES[licence]}` : ''}`,
      ...names.map((name) => `  ${name}`),
    ].join('\n'),
  );
  return `Samsyn
Copyright 2026 Samsyn contributors

Samsyn's own code is under the MIT licence (LICENSE), except packages/result-shaping/, which is derived from
@apollo/gateway and stays under the Elastic License 2.0, as that code is (packages/result-shaping/LICENSE).

A deployment of Samsyn (the Dockerfile's image: npm install --omit=dev, plus the web app's bundle) ships the
${total} third-party packages below, each under its own licence, whose text is in node_modules/<name>/.
Generated from package-lock.json by \`npm run notice\`; do not edit by hand.

${sections.join('\n\n')}
`;
}

if (require.main === module) {
  fs.writeFileSync(NOTICE, noticeText(fs.readFileSync(LOCK, 'utf8')));
  console.log(`wrote ${path.relative(process.cwd(), NOTICE)}`);
}
