import { startSupergraph, tokenFor, type TestSupergraph } from '@samsyn/test-support';

describe('instruments and methods in use', () => {
  let graph: TestSupergraph;
  let analyst: string;
  beforeAll(async () => {
    graph = await startSupergraph({ only: ['adult-services'] });
    analyst = await tokenFor({ roles: ['analyst'] });
  });
  afterAll(() => graph.close());

  const COVERAGE = `#graphql
    query Coverage {
      adultServices { instruments { code kind method { slug } coverage { using { district { code } trainedStaff } lacking { code } trainedStaff } } }
    }`;
  type Coverage = {
    code: string;
    kind: string;
    method: { slug: string } | null;
    coverage: { using: { district: { code: string } }[]; lacking: { code: string }[] };
  };
  const instruments = async () => {
    const { data, errors } = await graph.subgraph<{ adultServices: { instruments: Coverage[] } }>('adult-services', COVERAGE, {
      token: analyst,
    });
    expect(errors).toBeUndefined();
    return Object.fromEntries(data!.adultServices.instruments.map((i) => [i.code, i]));
  };

  it('lists the catalogue with purpose and method, and which districts lack each instrument', async () => {
    const byCode = await instruments();
    expect(Object.keys(byCode)).toEqual(['AUDIT', 'DUDIT', 'ASI', 'FREDA', 'MI', 'ATERFALLSPREVENTION']);
    expect(byCode.ASI).toMatchObject({ kind: 'ASSESSMENT', method: { slug: 'asi' } });
    expect(byCode.ASI.coverage.lacking).toEqual([{ code: 'norra-hisingen' }]);
    expect(byCode.ASI.coverage.using).toHaveLength(9);
    expect(byCode.FREDA.coverage.lacking).toEqual([{ code: 'angered' }]);
    expect(byCode.AUDIT.coverage.lacking).toEqual([]);
  });

  it('updates coverage when a district system reports an instrument implemented, for its own district only', async () => {
    const system = await tokenFor({ roles: ['district-system'], district: 'norra-hisingen' });
    const REPORT = `#graphql
      mutation ReportInstrumentUse($input: [InstrumentUseInput!]!) { adultServices { reportInstrumentUse(input: $input) { inserted updated unchanged } } }`;
    const report = await graph.subgraph('adult-services', REPORT, {
      variables: { input: [{ district: 'norra-hisingen', instrument: 'ASI', implemented: true, trainedStaff: 3 }] },
      token: system,
    });
    expect(report.data).toEqual({ adultServices: { reportInstrumentUse: { inserted: 0, updated: 1, unchanged: 0 } } });
    expect((await instruments()).ASI.coverage.lacking).toEqual([]);
    const other = await graph.subgraph('adult-services', REPORT, {
      variables: { input: [{ district: 'angered', instrument: 'FREDA', implemented: true, trainedStaff: 3 }] },
      token: system,
    });
    expect(other).toHaveErrorCode('FORBIDDEN');
    const unknown = await graph.subgraph('adult-services', REPORT, {
      variables: { input: [{ district: 'norra-hisingen', instrument: 'TAROT', implemented: true, trainedStaff: 1 }] },
      token: system,
    });
    expect(unknown).toHaveErrorCode('BAD_USER_INPUT');
    expect((await instruments()).FREDA.coverage.lacking).toEqual([{ code: 'angered' }]);
  });

  it('keeps coverage to signed-in callers', async () => {
    const anonymous = await graph.subgraph(
      'adult-services',
      `#graphql
      query AnonymousCoverage { adultServices { instruments { code coverage { trainedStaff } } } }`,
    );
    expect(anonymous).toHaveErrorCode('UNAUTHENTICATED');
  });
});
