// SPDX-License-Identifier: Elastic-2.0
// Derived from @apollo/gateway 2.14.4 (src/resultShaping.ts), Copyright 2021 Apollo Graph, Inc., under the
// Elastic License 2.0; modified by Samsyn contributors (2026). This file and its package are under the Elastic
// License 2.0 (LICENSE beside package.json), not under Samsyn's MIT licence.
/**
 * `@apollo/gateway`'s last pass over a merged answer (`computeResponse` in its `resultShaping.js`), with the same
 * result and errors, made fast for large answers.
 *
 * The gateway walks the operation over the merged data to keep only the fields asked for, in their order, and to
 * null what the subgraphs got wrong. Its own pass looks up the `@skip` and `@include` directives of every selection
 * for every object (two array filters each), asks whether each field is an introspection field by searching a
 * list, and goes through `@apollo/federation-internals`' re-export getters for every call. On the 1 000-district
 * dashboard (13 MB) that pass took 400 ms of the gateway's 700 ms.
 *
 * This port decides all that once per selection set and once per type, and walks the data with what it decided.
 * Its behaviour is the original's, line by line (the test compares the two on the same inputs). It is only right
 * for the gateway version it was ported from: `@apollo/gateway` is pinned to that version exactly, `npm install`
 * and `npm test` fail on any other (check-version.mjs), and `installResultShaping` refuses to start on one.
 */
import { createRequire } from 'node:module';
import * as internals from '@apollo/federation-internals';
import type {
  CompositeType,
  Directive,
  EnumType,
  Field,
  FieldSelection,
  FragmentElement,
  Operation,
  ScalarType,
  Schema,
  SelectionSet,
  Type,
  Variable,
} from '@apollo/federation-internals';
import type { GraphQLError } from 'graphql';

// Bound once: called through the package's re-export getters, as compiled imports are, they were 15 % of the
// gateway's samples on the dashboard.
const { ERRORS, isCompositeType, isCustomScalarType, isObjectType, isSubtype, isValidLeafValue, typenameFieldName } = internals;
const VariableClass = internals.Variable;

type Data = Record<string, unknown>;

export interface ShapingInput {
  operation: Operation;
  variables?: Record<string, unknown>;
  input: Data | null | undefined;
  introspectionHandling: (selection: FieldSelection) => unknown;
}

export interface ShapingResult {
  data: Data | null | undefined;
  errors: GraphQLError[];
}

/** How a field's type is walked: the wrappers, then an object (with its selection) or a leaf value. */
type Shape =
  | { kind: 'nonNull'; of: Shape; type: Type; inner: Type }
  | { kind: 'list'; of: Shape; type: Type }
  | { kind: 'composite'; type: CompositeType }
  | { kind: 'leaf'; type: ScalarType | EnumType; custom: boolean };

type IfDirective = Directive<FragmentElement | Field, { if: boolean | Variable }>;

/** A `@skip` or `@include` of a selection: its `if` argument, decided per request when it is a variable. */
interface Condition {
  directive: IfDirective;
  argument: boolean | Variable;
}

interface FieldStep {
  field: true;
  selection: FieldSelection;
  responseName: string;
  introspection: boolean;
  typename: boolean;
  shape: Shape;
  selectionSet: SelectionSet | undefined;
  skip?: Condition;
  include?: Condition;
}

interface FragmentStep {
  field: false;
  selectionSet: SelectionSet;
  typeCondition: CompositeType | undefined;
  /** Whether the type condition applies to an object of that `__typename` (asked once per typename). */
  applies: Map<string, boolean>;
  skip?: Condition;
  include?: Condition;
}

type Step = FieldStep | FragmentStep;

interface Parameters {
  /** A new object of the answer: a plain one, unless a response name of the operation is one of Object.prototype's. */
  newObject: () => Data;
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: FieldSelection) => unknown;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

const shapes = new WeakMap<Type, Shape>();
const plans = new WeakMap<SelectionSet, Step[]>();

function shapeOf(type: Type): Shape {
  let shape = shapes.get(type);
  if (shape) return shape;
  switch (type.kind) {
    case 'NonNullType': {
      const inner = type.ofType as Type;
      shape = { kind: 'nonNull', of: shapeOf(inner), type, inner };
      break;
    }
    case 'ListType':
      shape = { kind: 'list', of: shapeOf(type.ofType as Type), type };
      break;
    case 'ObjectType':
    case 'InterfaceType':
    case 'UnionType':
      shape = { kind: 'composite', type };
      break;
    default:
      shape = { kind: 'leaf', type: type as ScalarType | EnumType, custom: isCustomScalarType(type) };
  }
  shapes.set(type, shape);
  return shape;
}

function conditionOf(directive: IfDirective | undefined): Condition | undefined {
  return directive ? { directive, argument: directive.arguments().if } : undefined;
}

function planOf(selectionSet: SelectionSet, schema: Schema): Step[] {
  let plan = plans.get(selectionSet);
  if (plan) return plan;
  const skipDirective = schema.skipDirective();
  const includeDirective = schema.includeDirective();
  plan = selectionSet.selections().map((selection): Step => {
    const element = selection.element;
    const skip = conditionOf(element.appliedDirectivesOf(skipDirective)[0]);
    const include = conditionOf(element.appliedDirectivesOf(includeDirective)[0]);
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      return {
        field: true,
        selection,
        responseName: field.responseName(),
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        shape: shapeOf(field.definition.type as Type),
        selectionSet: selection.selectionSet,
        skip,
        include,
      };
    }
    return {
      field: false,
      selectionSet: selection.selectionSet,
      typeCondition: selection.element.typeCondition,
      applies: new Map(),
      skip,
      include,
    };
  });
  plans.set(selectionSet, plan);
  return plan;
}

function ifValue(condition: Condition, variables: Record<string, unknown>): unknown {
  const argument = condition.argument;
  if (argument instanceof VariableClass) {
    const value = variables[argument.name];
    if (value === undefined || typeof value !== 'boolean')
      throw new Error(`Unexpected value ${text(value)} for variable ${text(argument)} of ${text(condition.directive)}`);
    return value;
  }
  return argument;
}

function skipped(step: Step, variables: Record<string, unknown>): boolean {
  if (step.skip === undefined && step.include === undefined) return false;
  return Boolean((step.skip && ifValue(step.skip, variables)) || (step.include && !ifValue(step.include, variables)));
}

function fragmentApplies(step: FragmentStep, schema: Schema, typename: string | undefined, parentType: CompositeType): boolean {
  const condition = step.typeCondition;
  if (!condition) return true;
  if (!typename) return isSubtype(condition, parentType);
  let applies = step.applies.get(typename);
  if (applies === undefined) {
    const type = schema.type(typename);
    applies = !!type && isSubtype(condition, type);
    step.applies.set(typename, applies);
  }
  return applies;
}

/**
 * The original builds every object of the answer with `Object.create(null)`, so that no response name can meet an
 * inherited property. V8 keeps such objects as dictionaries: building and then writing them as JSON took twice as
 * long as for plain objects. Plain objects are as safe when no response name of the operation (`toString`,
 * `constructor`, `__proto__`, an alias as much as a field) is a property of Object.prototype: decided once per
 * operation, over all its selections, since one object may be written by several selection sets.
 */
function plainObjectsFit(operation: Operation): boolean {
  const seen = new Set<SelectionSet>();
  const fits = (selectionSet: SelectionSet): boolean => {
    if (seen.has(selectionSet)) return true;
    seen.add(selectionSet);
    return selectionSet.selections().every((selection) => {
      if (selection.kind === 'FieldSelection' && selection.element.responseName() in Object.prototype) return false;
      return !selection.selectionSet || fits(selection.selectionSet);
    });
  };
  return fits(operation.selectionSet);
}

const newPlainObject = (): Data => ({});
const newBareObject = (): Data => Object.create(null) as Data;

const hasOwn = (value: object, key: string): boolean => Object.prototype.hasOwnProperty.call(value, key);

/** A value as the original's messages write it (`${value}`), so that both throw the same text. */
function text(value: unknown): string {
  return String(value);
}

/** The same pass as the gateway's `computeResponse`. */
export function computeResponse({ operation, variables, input, introspectionHandling }: ShapingInput): ShapingResult {
  if (!input) return { data: input, errors: [] };
  const parameters: Parameters = {
    newObject: plainObjectsFit(operation) ? newPlainObject : newBareObject,
    schema: operation.schema(),
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables },
    errors: [],
    introspectionHandling,
  };
  const data = parameters.newObject();
  const result = applySelectionSet(
    input,
    operation.selectionSet,
    data,
    parameters,
    [],
    operation.schema().schemaDefinition.rootType(operation.rootKind) as CompositeType,
  );
  return { data: result === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

function applySelectionSet(
  input: Data,
  selectionSet: SelectionSet,
  output: Data,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  const plan = planOf(selectionSet, parameters.schema);
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i];
    if (skipped(step, parameters.variables)) continue;
    if (step.field) {
      const responseName = step.responseName;
      const outputValue = output[responseName];
      if (step.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(step.selection);
        continue;
      }
      let inputValue = (hasOwn(input, responseName) ? input[responseName] : undefined) ?? null;
      if (step.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type =
            inputValue !== null && typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, step.shape, inputValue, step.selectionSet, path, parameters, parentType);
      output[responseName] = updated;
      path.pop();
      if (flags.isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName];
      if (typename && typeof typename !== 'string') throw new Error(`Got unexpected value for __typename: ${text(typename)}`);
      if (fragmentApplies(step, parameters.schema, typename as string | undefined, parentType)) {
        const result = applySelectionSet(input, step.selectionSet, output, parameters, path, step.typeCondition ?? parentType);
        if (result === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

function pathLastElementDescription(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  if (element === undefined) throw new Error('Should not have been called on an empty path');
  return typeof element === 'string'
    ? `field ${text(parentType)}.${element}`
    : `array element of type ${text(currentType)} at index ${element}`;
}

/**
 * What the original returns beside the value (`isInvalid`, `hasErrors`), set by every `updateOutputValue` call just
 * before it returns and read by its caller right after: the pass is synchronous, so one record serves them all.
 */
const flags = { isInvalid: false, hasErrors: false as boolean | undefined };

function done(updated: unknown, isInvalid: boolean, hasErrors: boolean | undefined): unknown {
  flags.isInvalid = isInvalid;
  flags.hasErrors = hasErrors;
  return updated;
}

function updateOutputValue(
  outputValue: unknown,
  shape: Shape,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  if (inputValue === undefined) throw new Error('Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !selectionSet)) return done(outputValue, false, undefined);
  switch (shape.kind) {
    case 'nonNull': {
      const updated = updateOutputValue(outputValue, shape.of, inputValue, selectionSet, path, parameters, parentType);
      if (updated === null) {
        if (!flags.hasErrors) {
          parameters.errors.push(
            ERRORS.INVALID_GRAPHQL.err(
              `Cannot return null for non-nullable ${pathLastElementDescription(path, shape.inner, parentType)}.`,
              {
                path: Array.from(path),
              },
            ),
          );
        }
        return done(updated, true, true);
      }
      return done(updated, false, undefined);
    }
    case 'list':
      return updateList(outputValue, shape, inputValue, selectionSet, path, parameters, parentType);
    case 'composite':
      return updateObject(outputValue, shape.type, inputValue, selectionSet, path, parameters, parentType);
    default:
      break;
  }
  if (inputValue === null) return done(null, false, undefined);
  if (outputValue !== undefined)
    throw new Error(`Excepted output to be undefined but got ${text(shape.type)} for type ${text(shape.type)}`);
  const isValidValue = shape.custom || isValidLeafValue(parameters.schema, inputValue, shape.type);
  if (!isValidValue) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${pathLastElementDescription(path, shape.type, parentType)}.`, {
        path: Array.from(path),
      }),
    );
  }
  return done(isValidValue ? inputValue : null, false, !isValidValue);
}

function updateList(
  outputValue: unknown,
  shape: Extract<Shape, { kind: 'list' }>,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  if (inputValue === null) return done(null, false, undefined);
  if (!Array.isArray(inputValue))
    throw new Error(`Invalid non-list value ${text(inputValue)} returned by subgraph for list type ${text(shape.type)}`);
  if (outputValue !== undefined && !Array.isArray(outputValue))
    throw new Error(`Invalid non-list value ${text(outputValue)} returned by subgraph for list type ${text(shape.type)}`);
  const outputList = (outputValue as unknown[] | undefined) ?? new Array<unknown>(inputValue.length).fill(undefined);
  if (inputValue.length !== outputList.length)
    throw new Error(`[${text(inputValue)}].length (${inputValue.length}) !== [${text(outputList)}].length (${outputList.length})`);
  let shouldNullify = false;
  let hasErrors = false;
  const updated = new Array<unknown>(outputList.length);
  for (let index = 0; index < outputList.length; index++) {
    path.push(index);
    updated[index] = updateOutputValue(
      outputList[index],
      shape.of,
      inputValue[index] as unknown,
      selectionSet,
      path,
      parameters,
      parentType,
    );
    path.pop();
    shouldNullify ||= flags.isInvalid;
    hasErrors ||= !!flags.hasErrors;
  }
  return done(shouldNullify ? null : updated, false, hasErrors);
}

function updateObject(
  outputValue: unknown,
  type: CompositeType,
  inputValue: unknown,
  selectionSet: SelectionSet | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): unknown {
  if (inputValue === null) return done(null, false, undefined);
  if (!selectionSet) throw new Error(`Invalid empty selection set for composite type ${text(type)}`);
  if (typeof inputValue !== 'object')
    throw new Error(`Invalid non-object value ${text(inputValue)} returned by subgraph for composite type ${text(type)}`);
  if (outputValue !== undefined && typeof outputValue !== 'object')
    throw new Error(`Invalid non-object value ${text(inputValue)} returned by subgraph for composite type ${text(type)}`);
  const input = inputValue as Data;
  const inputTypename = input[typenameFieldName];
  if (inputTypename !== undefined && typeof inputTypename !== 'string')
    throw new Error(`Invalid non-string value ${text(inputTypename)} for __typename at ${text(path)}`);
  let objectType = type;
  if (inputTypename) {
    const typenameType = parameters.schema.type(inputTypename);
    if (!typenameType || !isCompositeType(typenameType)) {
      parameters.errors.push(
        ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${pathLastElementDescription(path, type, parentType)}.`, {
          path: Array.from(path),
        }),
      );
      return done(null, false, true);
    }
    objectType = typenameType;
  }
  const output = (outputValue as Data | undefined) ?? parameters.newObject();
  const result = applySelectionSet(input, selectionSet, output, parameters, path, objectType);
  const hasErrors = result === NULL_BUBBLE_UP;
  return done(hasErrors ? null : output, false, hasErrors);
}

/** The `@apollo/gateway` version this pass was ported from, line by line (package.json's `portedFrom`). */
export const PORTED_FROM = (createRequire(__filename)('../package.json') as { portedFrom: Record<string, string> }).portedFrom[
  '@apollo/gateway'
];

/**
 * Puts this pass in place of the gateway's own (its `executeQueryPlan` calls it through the module's export, so
 * replacing the export is enough). Only for the version it was ported from, and only when the gateway's
 * `@apollo/federation-internals` is this module's (the type checks compare classes): on anything else it throws,
 * since a gateway that silently shaped answers with another version's rules is a wrong install, not a fallback.
 */
export function installResultShaping(): void {
  const gatewayRequire = createRequire(require.resolve('@apollo/gateway'));
  const { version } = gatewayRequire('../package.json') as { version: string };
  if (version !== PORTED_FROM) {
    throw new Error(`@samsyn/result-shaping was ported from @apollo/gateway ${PORTED_FROM}, but ${version} is installed: run npm install.`);
  }
  if (gatewayRequire('@apollo/federation-internals') !== internals) {
    throw new Error('@apollo/gateway loads another copy of @apollo/federation-internals than @samsyn/result-shaping: run npm install.');
  }
  const shaping = gatewayRequire('./resultShaping') as { computeResponse: unknown };
  if (typeof shaping.computeResponse !== 'function')
    throw new Error(`@apollo/gateway ${version} has no resultShaping.computeResponse to replace.`);
  shaping.computeResponse = computeResponse;
}
