import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import type { CacheHint, CacheScope } from '@apollo/cache-control-types';
import {
  getNamedType,
  isCompositeType,
  Kind,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { SubgraphContext } from './context';

/*
 * A subgraph's cache policy, worked out from the operation instead of field by field. Apollo Server's own
 * cache-control plugin calls a hook on every field resolved (a thousand districts' twenty indicators are
 * 150 000 calls): measured on (f), it cost a sixth of the subgraph's CPU. The rules are Apollo's: a field's hint
 * is its return type's `@cacheControl`, replaced by the field's own; a root field, and a field of an object type
 * that neither has a maxAge nor inherits one, gets maxAge 0; the answer's policy is the most restrictive of its
 * fields'. Here the fields are the operation's selections (a field under a null parent counts too: never more
 * generous than Apollo's), and a resolver narrows the policy through its context (`cacheNever`, `privateToCaller`).
 */

/** A policy under construction: Apollo's `CachePolicy` rules (`restrict` keeps the smaller maxAge and PRIVATE). */
export class CachePolicy implements CacheHint {
  maxAge?: number;
  scope?: CacheScope;

  restrict(hint: CacheHint): void {
    if (hint.maxAge !== undefined && (this.maxAge === undefined || hint.maxAge < this.maxAge)) this.maxAge = hint.maxAge;
    if (hint.scope !== undefined && this.scope !== 'PRIVATE') this.scope = hint.scope;
  }
}

interface Annotation extends CacheHint {
  inheritMaxAge?: boolean;
}

function annotationOf(directives: readonly ConstDirectiveNode[] | undefined): Annotation | undefined {
  const directive = directives?.find((candidate) => candidate.name.value === 'cacheControl');
  if (!directive) return undefined;
  const argument = (name: string) => directive.arguments?.find((candidate) => candidate.name.value === name)?.value;
  const scopeValue = argument('scope');
  const scope =
    scopeValue?.kind === Kind.ENUM && (scopeValue.value === 'PUBLIC' || scopeValue.value === 'PRIVATE') ? scopeValue.value : undefined;
  const inherit = argument('inheritMaxAge');
  if (inherit?.kind === Kind.BOOLEAN && inherit.value) return { inheritMaxAge: true, scope };
  const maxAge = argument('maxAge');
  return { maxAge: maxAge?.kind === Kind.INT ? parseInt(maxAge.value, 10) : undefined, scope };
}

const typeAnnotations = new WeakMap<GraphQLNamedType, Annotation>();

function typeAnnotation(type: GraphQLNamedType): Annotation {
  let annotation = typeAnnotations.get(type);
  if (!annotation) {
    annotation =
      annotationOf(type.astNode?.directives) ??
      type.extensionASTNodes.map((node) => annotationOf(node.directives)).find((found) => found !== undefined) ??
      {};
    typeAnnotations.set(type, annotation);
  }
  return annotation;
}

/** One field's hint, before the hints of the fields below it (Apollo's `willResolveField` of its cache-control plugin). */
function fieldHint(field: GraphQLField<unknown, unknown>, isRoot: boolean): CacheHint {
  const policy = new CachePolicy();
  const target = getNamedType(field.type);
  const composite = isCompositeType(target);
  let inherits = false;
  if (composite) {
    const annotation = typeAnnotation(target);
    Object.assign(policy, withoutUndefined(annotation));
    inherits = !!annotation.inheritMaxAge;
  }
  const own = annotationOf(field.astNode?.directives) ?? {};
  if (own.inheritMaxAge && policy.maxAge === undefined) {
    inherits = true;
    if (own.scope) policy.scope = own.scope;
  } else {
    Object.assign(policy, withoutUndefined(own));
  }
  if (policy.maxAge === undefined && ((composite && !inherits) || isRoot)) policy.maxAge = 0;
  return { maxAge: policy.maxAge, scope: policy.scope };
}

function withoutUndefined(hint: Annotation): CacheHint {
  const replaced: CacheHint = {};
  if (hint.maxAge !== undefined) replaced.maxAge = hint.maxAge;
  if (hint.scope !== undefined) replaced.scope = hint.scope;
  return replaced;
}

/** The `_entities` field, whose hint is that of the entity types asked for (as `@apollo/subgraph` gives it). */
const ENTITIES = '_entities';

interface StaticPolicy {
  hint: CacheHint;
  /** The `_entities` fields (aliases may ask for more than one), whose hints depend on the representations' types. */
  entities: FieldNode[];
}

const staticPolicies = new WeakMap<DocumentNode, Map<string, StaticPolicy>>();

/** The policy of an operation's selections, once per parsed document (Apollo Server keeps parsed documents). */
function staticPolicyOf(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): StaticPolicy {
  let byOperation = staticPolicies.get(document);
  if (!byOperation) staticPolicies.set(document, (byOperation = new Map<string, StaticPolicy>()));
  const name = operation.name?.value ?? '';
  let found = byOperation.get(name);
  if (found) return found;
  const fragments = fragmentsOf(document);
  const policy = new CachePolicy();
  const entities: FieldNode[] = [];
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, isRoot: boolean) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const fieldName = selection.name.value;
        if (fieldName === '__typename') continue;
        const field = 'getFields' in parent ? parent.getFields()[fieldName] : undefined;
        // Introspection (`__schema`, `__type`) and anything unknown: never cached.
        if (!field) {
          policy.restrict({ maxAge: 0 });
          continue;
        }
        if (isRoot && fieldName === ENTITIES) entities.push(selection);
        else policy.restrict(fieldHint(field, isRoot));
        const target = getNamedType(field.type);
        if (selection.selectionSet && isCompositeType(target)) walk(selection.selectionSet, target, false);
      } else {
        const fragment =
          selection.kind === Kind.FRAGMENT_SPREAD
            ? Object.hasOwn(fragments, selection.name.value)
              ? fragments[selection.name.value]
              : undefined
            : selection;
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && visited.has(selection.name.value))) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) visited.add(selection.name.value);
        const condition = fragment.typeCondition ? schema.getType(fragment.typeCondition.name.value) : parent;
        if (condition && isCompositeType(condition)) walk(fragment.selectionSet, condition, isRoot);
      }
    }
  };
  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root, true);
  found = { hint: { maxAge: policy.maxAge, scope: policy.scope }, entities };
  byOperation.set(name, found);
  return found;
}

/** The hint of an `_entities` field: the most restrictive of the entity types asked for, 0 when none has a maxAge. */
function entitiesHint(schema: GraphQLSchema, field: FieldNode, variables: Record<string, unknown>): CacheHint {
  const argument = field.arguments?.find((candidate) => candidate.name.value === 'representations');
  const representations: unknown = argument ? valueFromASTUntyped(argument.value, variables) : undefined;
  const policy = new CachePolicy();
  const typenames = new Set<string>();
  if (Array.isArray(representations)) {
    for (const representation of representations) {
      const typename = (representation as { __typename?: unknown } | null)?.__typename;
      if (typeof typename === 'string') typenames.add(typename);
    }
  }
  for (const typename of typenames) {
    const type = schema.getType(typename);
    if (type) policy.restrict(withoutUndefined(typeAnnotation(type)));
  }
  return { maxAge: policy.maxAge ?? 0, scope: policy.scope };
}

/** `cache-control` for an answer with this policy, as Apollo Server writes it. */
function cacheControlHeader(policy: { maxAge: number; scope: CacheScope } | null): string {
  return policy ? `max-age=${policy.maxAge}, ${policy.scope.toLowerCase()}` : 'no-store';
}

/**
 * The subgraphs' cache-policy plugin, in place of Apollo Server's cache-control plugin (which must be disabled
 * beside it): the operation's policy from its selections, narrowed by what resolvers said through their
 * context, in `overallCachePolicy` (where the response cache reads it) and in the `cache-control` header
 * (which the gateway combines).
 */
export function cachePolicyPlugin(): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({
          schema,
          document,
          operation,
          request,
          overallCachePolicy,
          contextValue,
        }: GraphQLRequestContext<SubgraphContext>) {
          if (!document || !operation) return;
          const { hint, entities } = staticPolicyOf(schema, document, operation);
          overallCachePolicy.restrict(hint);
          for (const field of entities) overallCachePolicy.restrict(entitiesHint(schema, field, request.variables ?? {}));
          return {
            async executionDidEnd() {
              overallCachePolicy.restrict(contextValue.cacheHints);
            },
          };
        },
        async willSendResponse({ response, overallCachePolicy }) {
          if (response.http.headers.has('cache-control')) return;
          const errors = response.body.kind === 'single' && response.body.singleResult.errors;
          response.http.headers.set('cache-control', cacheControlHeader(errors ? null : overallCachePolicy.policyIfCacheable()));
        },
      };
    },
  };
}

/** The fragment definitions of a document, by name. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  return Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
}
