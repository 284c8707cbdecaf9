import { loadDashboardModule } from './dashboard-module';

interface DraftFields {
  title: string;
  summary: string;
  body: string;
  legalBasis: string;
  targetGroup: string;
  reviewBy: string;
  details: string;
}
interface WorkspaceModel {
  mergeDrafts(
    base: DraftFields,
    mine: DraftFields,
    theirs: DraftFields,
  ): { merged: DraftFields; theirChanges: (keyof DraftFields)[]; clashes: (keyof DraftFields)[] };
  changedFields(before: DraftFields, after: DraftFields): (keyof DraftFields)[];
  slugOf(title: string): string;
  daysBetween(from: string, to: string): number;
}

const BASE: DraftFields = {
  title: 'Rutin',
  summary: 'Kort.',
  body: '## Steg\n1. Ett',
  legalBasis: 'SoL 20 kap. 2 §',
  targetGroup: 'Barn',
  reviewBy: '2027-01-31',
  details: '{"deadlines":{"days":14}}',
};

describe('the workspace editor’s merge after a CONFLICT', () => {
  const model = loadDashboardModule<WorkspaceModel>('src/model/workspace.ts');

  it('takes the other leader’s change of a field the leader did not touch, and keeps the leader’s own', () => {
    const mine = { ...BASE, targetGroup: 'Barn och vårdnadshavare' };
    const theirs = { ...BASE, summary: 'Deras sammanfattning.' };
    expect(model.mergeDrafts(BASE, mine, theirs)).toEqual({
      merged: { ...BASE, targetGroup: 'Barn och vårdnadshavare', summary: 'Deras sammanfattning.' },
      theirChanges: ['summary'],
      clashes: [],
    });
  });

  it('names a field both changed differently as a clash and keeps the leader’s text until they choose', () => {
    const mine = { ...BASE, body: '## Steg\n1. Mitt' };
    const theirs = { ...BASE, body: '## Steg\n1. Deras' };
    const { merged, clashes } = model.mergeDrafts(BASE, mine, theirs);
    expect(clashes).toEqual(['body']);
    expect(merged.body).toBe('## Steg\n1. Mitt');
  });

  it('sees no clash where both made the same change, nor in lagrum lines or JSON that differ only in layout', () => {
    const mine = { ...BASE, title: 'Ny titel', legalBasis: 'SoL 20 kap. 2 §\n\n', details: '{ "deadlines": { "days": 14 } }' };
    const theirs = { ...BASE, title: 'Ny titel' };
    expect(model.mergeDrafts(BASE, mine, theirs).clashes).toEqual([]);
    expect(model.changedFields(BASE, mine)).toEqual(['title']);
  });
});

describe('the workspace’s small rules', () => {
  const model = loadDashboardModule<WorkspaceModel>('src/model/workspace.ts');

  it.each([
    ['Rutin för övervägande av vård utanför hemmet', 'rutin-for-overvagande-av-vard-utanfor-hemmet'],
    ['  Ärenden – åtgärder & frister (2027) ', 'arenden-atgarder-frister-2027'],
    ['Émile Zoë', 'emile-zoe'],
  ])('makes the link name of "%s" %s', (title, slug) => {
    expect(model.slugOf(title)).toBe(slug);
  });

  it('counts whole days across a change to summer time', () => {
    expect(model.daysBetween('2027-03-27', '2027-03-29')).toBe(2);
    expect(model.daysBetween('2027-01-10', '2027-01-01')).toBe(-9);
  });
});
