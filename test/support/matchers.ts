import type { GraphQLResultError, SubgraphCall } from './harness';

/** What `toHaveErrorCode` reads: a GraphQL result (its `errors`) or one error. */
type WithErrors = { errors?: readonly GraphQLResultError[] | null } | GraphQLResultError | null | undefined;

declare global {
  // jest's matcher types live in this namespace (@types/jest): merging into it types the matchers for every test.
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /**
       * The GraphQL result (or error) carries at least one error, and every error it carries has this
       * `extensions.code`. Negated: no error has this code.
       */
      toHaveErrorCode(code: string): R;
      /**
       * The gateway called exactly these subgraphs (in any order, each at least once) for this request:
       * `expect(await graph.query(…)).toCallSubgraphs(['organisation', 'child-services'])`; `[]` for none.
       */
      toCallSubgraphs(subgraphs: readonly string[]): R;
    }
  }
}

function errorsOf(received: WithErrors): GraphQLResultError[] | undefined {
  // A result without errors sends no `errors` key.
  if (received && ('errors' in received || 'data' in received)) return 'errors' in received && received.errors ? [...received.errors] : [];
  if (received && 'message' in received) return [received];
  return undefined;
}

const codeOf = (error: GraphQLResultError): unknown => error.extensions?.code;

/** The matchers `jest-setup` registers; exported for a test that wants to register them itself. */
export const matchers = {
  toHaveErrorCode(this: jest.MatcherContext, received: WithErrors, code: string): jest.CustomMatcherResult {
    const { printExpected, printReceived, matcherHint } = this.utils;
    const errors = errorsOf(received);
    const hint = matcherHint('toHaveErrorCode', 'result', 'code', { isNot: this.isNot });
    if (errors === undefined) {
      return {
        pass: false,
        message: () => `${hint}\n\nExpected a GraphQL result or error, received: ${printReceived(received)}`,
      };
    }
    const told = errors.map((error) => ({ code: codeOf(error), message: error.message, path: error.path }));
    const pass = this.isNot
      ? errors.some((error) => codeOf(error) === code)
      : errors.length > 0 && errors.every((error) => codeOf(error) === code);
    return {
      pass,
      message: () =>
        errors.length === 0
          ? `${hint}\n\nExpected an error with code ${printExpected(code)}, but the result has no errors` +
            (received && 'data' in received ? `; data: ${printReceived((received as { data?: unknown }).data)}` : '')
          : `${hint}\n\nExpected ${this.isNot ? 'no error with' : 'every error to have'} code ${printExpected(code)}; the errors:\n` +
            printReceived(told),
    };
  },

  toCallSubgraphs(
    this: jest.MatcherContext,
    received: { calls?: readonly SubgraphCall[] },
    subgraphs: readonly string[],
  ): jest.CustomMatcherResult {
    const { printExpected, printReceived, matcherHint, diff } = this.utils;
    const hint = matcherHint('toCallSubgraphs', 'result', 'subgraphs', { isNot: this.isNot });
    const calls = received?.calls;
    if (!calls) {
      return {
        pass: false,
        message: () => `${hint}\n\nExpected the result of graph.query (with calls), received: ${printReceived(received)}`,
      };
    }
    const called = [...new Set(calls.map((call) => call.subgraph as string))].sort();
    const expected = [...new Set(subgraphs)].sort();
    const pass = this.equals(called, expected);
    return {
      pass,
      message: () =>
        pass
          ? `${hint}\n\nExpected the gateway not to call exactly ${printExpected(expected)}`
          : `${hint}\n\n${diff(expected, called, { aAnnotation: 'Expected subgraphs', bAnnotation: 'Called subgraphs' }) ?? ''}\n\n` +
            `Requests sent:\n${calls.map((call) => `  ${call.subgraph}: ${call.query.replace(/\s+/g, ' ').slice(0, 200)}`).join('\n') || '  (none)'}`,
    };
  },
};
