import { cellChanges } from '@samsyn/equality';

/** A report rewrites only the protection cells that changed; the comparisons of their indicators are computed again. */
const cell = (indicator: string, district: string, hidden: boolean, part = '') => ({
  period: '2026-Q3',
  indicator,
  district,
  part,
  hidden,
  reason: hidden ? ('SMALL_COUNT' as const) : null,
});

describe('cellChanges', () => {
  it('writes nothing when the protection is the same', () => {
    const cells = [cell('A', 'angered', false), cell('B', 'backa', true)];
    expect(cellChanges(cells, [...cells].reverse())).toEqual({ gone: [], written: [], indicators: new Set() });
  });

  it('writes the cells that are new or hidden otherwise, deletes those no longer there, and names their indicators', () => {
    const before = [cell('A', 'angered', false), cell('B', 'backa', false), cell('C', 'backa', true, 'LSS9-1')];
    const after = [cell('A', 'angered', false), cell('B', 'backa', true), cell('D', 'angered', false)];
    const changes = cellChanges(before, after);
    expect(changes.written).toEqual([cell('B', 'backa', true), cell('D', 'angered', false)]);
    expect(changes.gone).toEqual([cell('C', 'backa', true, 'LSS9-1')]);
    expect(changes.indicators).toEqual(new Set(['B', 'C', 'D']));
  });

  it('counts a changed reason as a change', () => {
    const secondary = { ...cell('A', 'angered', true), reason: 'SECONDARY' as const };
    expect(cellChanges([cell('A', 'angered', true)], [secondary]).written).toEqual([secondary]);
  });
});
