import type { RunningSystem } from '@samsyn/scripts';

export interface Scenario {
  name: string;
  target: 'gateway' | 'organisation' | 'child-services' | 'adult-services' | 'disability' | 'income-support';
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const ALL_PROFILES = ['childServices', 'adultServices', 'disability', 'incomeSupport'].map((area) => `${area} { area name }`).join(' ');

/** The load scenarios `npm run bench` measures, in order. */
export async function SCENARIOS(system: RunningSystem): Promise<Scenario[]> {
  void system;
  return [
    { name: '(a) districts, straight to the organisation subgraph', target: 'organisation', query: '{ districts { code name } }' },
    { name: '(b) districts, through the gateway', target: 'gateway', query: '{ districts { code name } }' },
    { name: '(c) every district with all four area profiles (gateway)', target: 'gateway', query: `{ districts { code name ${ALL_PROFILES} } }` },
  ];
}
