// Bundles the dashboard and the offline GraphiQL into dist/, which the gateway serves at /dashboard/ and /assets/.
// Run by the root `npm run build` after `tsc -b` has type-checked src/ (esbuild only strips types).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);

/** Writes a file only when its content changed, so the gateway's ETags stay stable across builds. */
function writeIfChanged(file, content) {
  const buffer = Buffer.isBuffer(content) ? content : Buffer.from(content);
  if (fs.existsSync(file) && fs.readFileSync(file).equals(buffer)) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, buffer);
}

async function bundleDashboard() {
  const result = await esbuild.build({
    entryPoints: { app: path.join(root, 'src/main.tsx') },
    bundle: true,
    minify: true,
    format: 'esm',
    // The .xlsx writer is imported when someone asks for a workbook: a chunk of its own, not in the first load.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    target: 'es2022',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    loader: { '.css': 'css' },
    legalComments: 'none',
    outdir: dist,
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) writeIfChanged(file.path, file.contents);
  // Chunks of an earlier build are left out of dist/ (their names change with their content).
  const chunks = path.join(dist, 'chunks');
  const current = new Set(result.outputFiles.map((file) => file.path));
  for (const name of fs.existsSync(chunks) ? fs.readdirSync(chunks) : []) {
    if (!current.has(path.join(chunks, name))) fs.rmSync(path.join(chunks, name));
  }
  writeIfChanged(path.join(dist, 'index.html'), fs.readFileSync(path.join(root, 'src/index.html')));
}

/**
 * GraphiQL as Yoga prebuilds it (React, Monaco and its fonts inlined as data URLs, nothing from a CDN),
 * split into files the browser can cache instead of one 9 MB page.
 */
function copyGraphiQL() {
  const graphiql = require('@graphql-yoga/render-graphiql/graphiql');
  const dir = path.join(dist, 'graphiql');
  writeIfChanged(path.join(dir, 'graphiql.css'), graphiql.css);
  writeIfChanged(path.join(dir, 'graphiql.js'), graphiql.js);
  writeIfChanged(path.join(dir, 'editor.worker.js'), graphiql.editorWorkerService);
  writeIfChanged(path.join(dir, 'json.worker.js'), graphiql.jsonWorker);
  writeIfChanged(path.join(dir, 'graphql.worker.js'), graphiql.graphqlWorker);
  writeIfChanged(path.join(dir, 'start.js'), fs.readFileSync(path.join(root, 'src/graphiql-start.js')));
  writeIfChanged(path.join(dir, 'setup.js'), fs.readFileSync(path.join(root, 'src/graphiql-setup.js')));
}

/** The wording of the laws Samsyn knows (src/law/, from scripts/law-data.mjs), fetched when a section is shown. */
function copyLawTexts() {
  for (const name of fs.readdirSync(path.join(root, 'src/law'))) {
    if (name === 'index.json' || !name.endsWith('.json')) continue;
    writeIfChanged(path.join(dist, 'law', name), fs.readFileSync(path.join(root, 'src/law', name)));
  }
}

await bundleDashboard();
copyGraphiQL();
copyLawTexts();
