import { Kind, type ValueNode } from 'graphql';
import { PeriodScalar } from '@samsyn/equality';

const codeOf = (run: () => unknown): unknown => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('the Period scalar', () => {
  const good = ['2026', '2026-Q1', '2026-Q4', '2026-01', '2026-12'];
  const bad = ['2026-Q0', '2026-Q5', '2026-00', '2026-13', '2026-q3', '26', '2026-Q3 ', '2026/09', '', 'Q3-2026'];

  it('takes years, quarters and months as they are, from variables, literals and resolvers', () => {
    const literal = (value: string): ValueNode => ({ kind: Kind.STRING, value });
    expect(
      good.map((period) => [PeriodScalar.parseValue(period), PeriodScalar.parseLiteral(literal(period)), PeriodScalar.serialize(period)]),
    ).toEqual(good.map((period) => [period, period, period]));
  });

  it('refuses anything else with BAD_USER_INPUT, also numbers and non-strings', () => {
    const refused = [...bad, 2026, null, { year: 2026 }].map((value) => [value, codeOf(() => PeriodScalar.parseValue(value))]);
    expect(refused.filter(([, code]) => code !== 'BAD_USER_INPUT')).toEqual([]);
    expect(codeOf(() => PeriodScalar.parseLiteral({ kind: Kind.INT, value: '2026' }))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => PeriodScalar.parseLiteral({ kind: Kind.STRING, value: '2026-Q5' }))).toBe('BAD_USER_INPUT');
  });

  it('never sends a malformed period to a client, and blames the server for one (no client error code)', () => {
    expect(bad.map((value) => codeOf(() => PeriodScalar.serialize(value))).filter((code) => code !== undefined)).toEqual([]);
  });
});
