import { HeaderMap } from '@apollo/server';
import type { GatewayResult } from '@samsyn/test-support';

/** The GraphQL matchers of @samsyn/test-support: what they accept, what they refuse, and what a failure prints. */
const result = (errors?: { code?: string; message?: string }[], calls: string[] = []): GatewayResult => ({
  status: 200,
  headers: new HeaderMap(),
  data: errors ? null : { ok: true },
  ...(errors ? { errors: errors.map(({ code, message }) => ({ message: message ?? 'refused', extensions: code ? { code } : {} })) } : {}),
  calls: calls.map((subgraph) => ({
    subgraph: subgraph as GatewayResult['calls'][number]['subgraph'],
    query: `{ ${subgraph} }`,
    headers: {},
  })),
});

/** The message a failing assertion prints, or null when it passes. */
function failure(assertion: () => void): string | null {
  try {
    assertion();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('toHaveErrorCode', () => {
  it('passes when every error has the code, on a result or on one error', () => {
    expect(result([{ code: 'FORBIDDEN' }])).toHaveErrorCode('FORBIDDEN');
    expect(result([{ code: 'FORBIDDEN' }, { code: 'FORBIDDEN' }])).toHaveErrorCode('FORBIDDEN');
    expect({ message: 'x', extensions: { code: 'CONFLICT' } }).toHaveErrorCode('CONFLICT');
  });

  it('fails on a result without errors, on another code and on a mix, printing the errors it got', () => {
    expect(failure(() => expect(result()).toHaveErrorCode('FORBIDDEN'))).toMatch(/has no errors.*data/s);
    expect(failure(() => expect(result([{ code: 'UNAUTHENTICATED', message: 'sign in' }])).toHaveErrorCode('FORBIDDEN'))).toMatch(
      /UNAUTHENTICATED.*sign in/s,
    );
    expect(failure(() => expect(result([{ code: 'FORBIDDEN' }, { code: 'NOT_FOUND' }])).toHaveErrorCode('FORBIDDEN'))).toMatch(/NOT_FOUND/);
    expect(failure(() => expect(undefined).toHaveErrorCode('FORBIDDEN'))).toMatch(/Expected a GraphQL result or error/);
  });

  it('negated, fails only when some error has the code', () => {
    expect(result()).not.toHaveErrorCode('FORBIDDEN');
    expect(result([{ code: 'NOT_FOUND' }])).not.toHaveErrorCode('FORBIDDEN');
    expect(failure(() => expect(result([{ code: 'NOT_FOUND' }, { code: 'FORBIDDEN' }])).not.toHaveErrorCode('FORBIDDEN'))).not.toBeNull();
  });
});

describe('toCallSubgraphs', () => {
  it('passes on exactly the subgraphs called, in any order and however often', () => {
    expect(result(undefined, ['organisation', 'child-services', 'organisation'])).toCallSubgraphs(['child-services', 'organisation']);
    expect(result()).toCallSubgraphs([]);
  });

  it('fails on one too many or too few, printing the difference and the requests sent', () => {
    const message = failure(() => expect(result(undefined, ['organisation', 'disability'])).toCallSubgraphs(['organisation']));
    expect(message).toMatch(/\+ {3}"disability"/);
    expect(message).toMatch(/disability: \{ disability \}/);
    expect(failure(() => expect(result()).toCallSubgraphs(['organisation']))).toMatch(/- {3}"organisation".*\(none\)/s);
    expect(failure(() => expect({ data: null }).toCallSubgraphs([]))).toMatch(/Expected the result of graph.query/);
  });
});
