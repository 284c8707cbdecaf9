// Typed operations for the web app: graphql-codegen's client preset over the client schema that `npm run compose`
// writes and the operations in src/api/*.graphql, into src/gql/ (committed). The preset is called through
// @graphql-codegen/core, without the CLI and its loaders (about a hundred packages, several needing Node 22).
// `node codegen.mjs` writes the files; `node codegen.mjs --check` exits 1 and names those that are stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';
import { buildSchema, lexicographicSortSchema, parse, print, printSchema } from 'graphql';

const root = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA = path.join(root, '../../schema/api.graphql');
const OPERATIONS = path.join(root, 'src/api');
const OUTPUT = 'src/gql/';

const config = {
  documentMode: 'string',
  useTypeImports: true,
  enumsAsTypes: true,
  skipTypename: true,
  scalars: { Date: 'string', DateTime: 'string', Period: 'string', JSONObject: 'Record<string, unknown>' },
};

/** The generated files, by path relative to this package. */
export async function generate() {
  // As the CLI loads them: the schema sorted by name, each operation file printed without its comments.
  const schemaAst = lexicographicSortSchema(buildSchema(fs.readFileSync(SCHEMA, 'utf8')));
  const documents = fs
    .readdirSync(OPERATIONS)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => {
      const rawSDL = print(parse(fs.readFileSync(path.join(OPERATIONS, file), 'utf8')));
      return { location: path.join(OPERATIONS, file), document: parse(rawSDL), rawSDL };
    });
  const outputs = await preset.buildGeneratesSection({
    baseOutputDir: OUTPUT,
    presetConfig: { fragmentMasking: false },
    plugins: [],
    pluginMap: {},
    schema: parse(printSchema(schemaAst)),
    schemaAst,
    documents,
    config,
    documentTransforms: [],
  });
  return Promise.all(outputs.map(async (output) => ({ file: output.filename, content: await codegen(output) })));
}

const files = await generate();
if (process.argv.includes('--check')) {
  const stale = files.filter(
    ({ file, content }) => !fs.existsSync(path.join(root, file)) || fs.readFileSync(path.join(root, file), 'utf8') !== content,
  );
  for (const { file } of stale) console.error(`stale: ${file} (run npm run compose)`);
  process.exit(stale.length > 0 ? 1 : 0);
}
for (const { file, content } of files) fs.writeFileSync(path.join(root, file), content);
