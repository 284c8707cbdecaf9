import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { isIdempotencyKey, NOT_AN_IDEMPOTENCY_KEY, requestFingerprint } from '@samsyn/runtime';
import type { GatewayContext } from './context';

/** The subgraph (its `join__Graph` value) that carries out each root mutation field of a supergraph. */
export function mutationOwners(supergraphSdl: string): Map<string, string> {
  const document = parse(supergraphSdl);
  let mutationType = 'Mutation';
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION) continue;
    const named = definition.operationTypes.find((type) => type.operation === OperationTypeNode.MUTATION);
    if (named) mutationType = named.type.name.value;
  }
  const owners = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION || definition.name.value !== mutationType) continue;
    for (const field of definition.fields ?? []) {
      const join = field.directives?.find((directive) => directive.name.value === 'join__field');
      const graph = join?.arguments?.find((argument) => argument.name.value === 'graph')?.value;
      if (graph?.kind === Kind.ENUM) owners.set(field.name.value, graph.value);
    }
  }
  return owners;
}

/** The subgraphs a mutation's root fields go to (fragments followed); a field no subgraph owns counts as its own. */
function subgraphsOf(operation: OperationDefinitionNode, document: DocumentNode, owners: Map<string, string>): Set<string> {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const graphs = new Set<string>();
  const seen = new Set<string>();
  const visit = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') graphs.add(owners.get(selection.name.value) ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(operation.selectionSet);
  return graphs;
}

function refused(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/**
 * `Idempotency-Key` at the gateway, before any subgraph is called: a key that is not one (empty, too long) is
 * refused; so is a keyed mutation of more than one area, whose parts no single subgraph could keep or refuse
 * together (half of it done, a retry or another body under the same key could neither complete nor be told
 * apart); and the client's whole request is fingerprinted (operation text, operation name, variables) for the
 * subgraph, which answers CONFLICT for another body under the same key before its mutation runs.
 */
export function idempotencyAtGateway(supergraphSdl: string): ApolloServerPlugin<GatewayContext> {
  const owners = mutationOwners(supergraphSdl);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, source, request, contextValue }) {
          const key = contextValue.idempotencyKey;
          // Reads are idempotent anyway: a key on a query is not looked at, here or in the subgraphs.
          if (key === undefined || operation?.operation !== OperationTypeNode.MUTATION) return;
          if (!isIdempotencyKey(key)) throw refused(NOT_AN_IDEMPOTENCY_KEY);
          const areas = subgraphsOf(operation, document, owners);
          if (areas.size > 1) {
            throw refused(
              'A mutation sent with an Idempotency-Key changes one area (one of childServices, adultServices, disability, incomeSupport): send one request per area, each with its own key.',
            );
          }
          // `source`, not `request.query`: a persisted query sent by its hash alone has no query in the request.
          contextValue.idempotencyFingerprint = requestFingerprint(
            { query: source, variables: request.variables },
            operation.name?.value ?? null,
          );
        },
      };
    },
  };
}
