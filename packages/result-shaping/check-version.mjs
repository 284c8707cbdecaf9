// SPDX-License-Identifier: MIT
// Fails `npm install` (root postinstall) and `npm test` when the installed @apollo/gateway is not the version
// this package was ported from (package.json's `portedFrom`): the port is only right for that version, and a
// gateway must not find out at start-up. Plain JavaScript: it runs before anything is compiled.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const manifest = new URL('./package.json', import.meta.url);
const { portedFrom } = JSON.parse(readFileSync(manifest, 'utf8'));
const require = createRequire(manifest);

/** The mismatches between what the port was made from and what is installed, as sentences; none when all agree. */
export function versionMismatches(wantedVersions = portedFrom) {
  return Object.entries(wantedVersions).flatMap(([name, wanted]) => {
    let installed;
    try {
      installed = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
    } catch {
      return [`${name} is not installed; @samsyn/result-shaping was ported from ${name} ${wanted}.`];
    }
    return installed === wanted
      ? []
      : [
          `${name} ${installed} is installed, but @samsyn/result-shaping was ported from ${name} ${wanted}: pin ${name} to ${wanted} or port the new version (packages/result-shaping/README.md).`,
        ];
  });
}

if (process.argv[1] && new URL(`file://${process.argv[1]}`).href === import.meta.url) {
  const mismatches = versionMismatches();
  for (const mismatch of mismatches) console.error(`error: ${mismatch}`);
  process.exit(mismatches.length > 0 ? 1 : 0);
}
