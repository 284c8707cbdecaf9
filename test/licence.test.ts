import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NOTICE, noticeText, REPO } from '../scripts/src/notice';

const read = (file: string): string => fs.readFileSync(path.join(REPO, file), 'utf8');
interface Manifest {
  license?: string;
  dependencies?: Record<string, string>;
  portedFrom?: Record<string, string>;
}
const manifest = (file: string): Manifest => JSON.parse(read(file)) as Manifest;

describe('licences', () => {
  it('NOTICE lists the licence of every package a deployment ships, as package-lock.json has them', () => {
    const stale =
      fs.readFileSync(NOTICE, 'utf8') === noticeText(read('package-lock.json')) ? [] : ['NOTICE is stale: run `npm run notice`'];
    expect(stale).toEqual([]);
    expect(read('NOTICE')).toMatch(/^Elastic-2\.0 \(\d+\)\n[^]*?\n {2}@apollo\/gateway 2\.14\.4$/m);
  });

  it("Samsyn's own code is MIT, with a LICENSE file that names the one exception", () => {
    expect(manifest('package.json').license).toBe('MIT');
    expect(read('LICENSE')).toMatch(/^MIT License/);
    expect(read('LICENSE')).toContain('packages/result-shaping/ is derived from @apollo/gateway and is under\nthe Elastic License 2.0');
  });

  it('the port of @apollo/gateway code is a separate Elastic-2.0 package that carries the licence and a notice of changes', () => {
    const port = 'packages/result-shaping';
    expect(manifest(`${port}/package.json`).license).toBe('Elastic-2.0');
    expect(read(`${port}/LICENSE`)).toMatch(
      /Copyright 2021 Apollo Graph, Inc\.[\s\S]*Modifications: Samsyn contributors[\s\S]*Elastic License 2\.0/,
    );
    const sources = fs.readdirSync(path.join(REPO, port, 'src')).filter((file) => file.endsWith('.ts'));
    const unmarked = sources.filter((file) => !read(`${port}/src/${file}`).startsWith('// SPDX-License-Identifier: Elastic-2.0\n'));
    expect(unmarked).toEqual([]);
  });

  it('pins @apollo/gateway to exactly the version the port was made from, everywhere it is declared and installed', () => {
    const { portedFrom = {} } = manifest('packages/result-shaping/package.json');
    const wanted = portedFrom['@apollo/gateway'];
    const declared = ['gateway/package.json', 'packages/result-shaping/package.json'].map((file) => [
      file,
      manifest(file).dependencies?.['@apollo/gateway'],
    ]);
    expect(declared).toEqual(declared.map(([file]) => [file, wanted]));
    const { packages } = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version?: string }> };
    expect(packages['node_modules/@apollo/gateway']?.version).toBe(wanted);
  });

  it('a version of @apollo/gateway other than the one ported from fails the install check', () => {
    const checker = path.join(REPO, 'packages/result-shaping/check-version.mjs');
    expect(spawnSync(process.execPath, [checker], { encoding: 'utf8' }).status).toBe(0);
    const asIf = (versions: Record<string, string>): string[] => {
      const script = `import { versionMismatches } from ${JSON.stringify(checker)}; console.log(JSON.stringify(versionMismatches(${JSON.stringify(versions)})));`;
      return JSON.parse(spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).stdout) as string[];
    };
    expect(asIf({ '@apollo/gateway': '2.0.0' })).toEqual([
      expect.stringContaining('@apollo/gateway 2.14.4 is installed, but @samsyn/result-shaping was ported from @apollo/gateway 2.0.0'),
    ]);
  });
});
