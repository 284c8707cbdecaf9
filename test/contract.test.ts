import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { AREA_LIST, ERROR_CODES } from '@samsyn/core';
import { composeSchemas } from '@samsyn/scripts';
import { apiFingerprint, CHANGELOG, contractChanges, CURRENT_API, HOW_TO_RELEASE, RELEASED_API } from '../scripts/src/contract';

const REPO = path.resolve(__dirname, '..');
const api = (): GraphQLSchema => buildSchema(fs.readFileSync(CURRENT_API, 'utf8'));

describe('the released API (schema/released/api.graphql)', () => {
  it('is not broken by the current API: breaking changes need a deliberate release', async () => {
    const { breaking } = await contractChanges(fs.readFileSync(RELEASED_API, 'utf8'), fs.readFileSync(CURRENT_API, 'utf8'));
    expect(breaking.length > 0 ? [...breaking, HOW_TO_RELEASE] : []).toEqual([]);
  });

  it('is named in CHANGELOG.md by its fingerprint, so every release says what changed', () => {
    const fingerprint = apiFingerprint(fs.readFileSync(RELEASED_API, 'utf8'));
    const missing = fs.readFileSync(CHANGELOG, 'utf8').includes(fingerprint)
      ? []
      : [`CHANGELOG.md has no entry naming API fingerprint ${fingerprint}`];
    expect(missing).toEqual([]);
  });

  it('tells breaking changes from dangerous and safe ones', async () => {
    const released = `
      type Query { a: Int!  b: String  c(first: Int): [String!]!  d: Mood }
      enum Mood { HAPPY SAD }`;
    const current = `
      type Query { a: Int  c(first: Int!): [String!]!  d: Mood  e: String @deprecated(reason: "use a") }
      enum Mood { HAPPY SAD CALM }`;
    const changes = await contractChanges(released, current);
    expect(changes.breaking).toEqual([
      "Field 'b' was removed from object type 'Query'",
      "Field 'Query.a' changed type from 'Int!' to 'Int'",
      "Type for argument 'first' on field 'Query.c' changed from 'Int' to 'Int!'",
    ]);
    expect(changes.dangerous).toEqual([expect.stringContaining("Enum value 'CALM' was added to enum 'Mood'")]);
    expect(changes.safe).toEqual(expect.arrayContaining([expect.stringContaining("Field 'e' was added")]));
  });
});

describe('schema/api.graphql', () => {
  it('describes every type, field, argument and enum value', () => {
    const schema = api();
    const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
      if (!type.description && !roots.has(type as never)) undescribed.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] = Object.values(type.getFields());
        for (const field of fields) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : [])
            if (!arg.description) undescribed.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
    }
    expect(undescribed).toEqual([]);
  });

  it('documents in ErrorCode exactly the codes packages/core/src/errors.ts knows, with the same meaning', () => {
    const errorCode = api().getType('ErrorCode');
    if (!isEnumType(errorCode)) throw new Error('schema/api.graphql has no ErrorCode enum');
    expect(Object.fromEntries(errorCode.getValues().map((value) => [value.name, value.description]))).toEqual(ERROR_CODES);
  });

  it('lists in each mutation’s description the error codes it may answer with, all of them in ErrorCode', () => {
    const schema = api();
    const mutations = Object.values(schema.getTypeMap()).filter((type) => isObjectType(type) && type.name.endsWith('Mutations'));
    expect(mutations.map((type) => type.name).sort()).toEqual(AREA_LIST.map((entry) => `${entry.typeName}Mutations`).sort());
    const undocumented: string[] = [];
    for (const type of mutations) {
      if (!isObjectType(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.name === 'area' || field.name === 'name') continue;
        const listed = /Errors: (.+)\.$/.exec(field.description ?? '')?.[1];
        const codes = listed?.split('; ').map((entry) => entry.split(' ')[0]) ?? [];
        if (codes.length === 0) undocumented.push(`${type.name}.${field.name}: no "Errors: …" sentence`);
        for (const code of codes) if (!(code in ERROR_CODES)) undocumented.push(`${type.name}.${field.name}: ${code} is not an ErrorCode`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('composes with no hints but the two enums no field uses (ErrorCode, CacheControlScope)', async () => {
    const { hints } = await composeSchemas();
    expect(hints.map((hint) => hint.replace(/ is defined but unused[^]*/, ''))).toEqual([
      'UNUSED_ENUM_TYPE: Enum type "CacheControlScope"',
      'UNUSED_ENUM_TYPE: Enum type "ErrorCode"',
    ]);
  });
});

describe('error codes in the code', () => {
  it('are all documented: every literal extensions code in the sources is an ErrorCode', () => {
    const sources: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) sources.push(full);
      }
    };
    const workspaces = (root: string) => fs.readdirSync(path.join(REPO, root)).map((name) => path.join(root, name));
    for (const workspace of [...workspaces('packages'), ...workspaces('subgraphs'), 'gateway', 'scripts']) {
      const src = path.join(REPO, workspace, 'src');
      if (fs.existsSync(src)) walk(src);
    }
    const unknown: string[] = [];
    for (const file of sources) {
      for (const [, code] of fs.readFileSync(file, 'utf8').matchAll(/extensions: \{[^}]*code: '([A-Z_]+)'/g)) {
        if (!(code in ERROR_CODES)) unknown.push(`${path.relative(REPO, file)}: ${code}`);
      }
    }
    expect(sources.length).toBeGreaterThan(50);
    expect(unknown).toEqual([]);
  });
});
