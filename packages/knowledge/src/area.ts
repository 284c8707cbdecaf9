import { registerEnumType } from 'type-graphql';

/** The four target-group areas of platform work. */
export enum Area {
  CHILD_SERVICES = 'CHILD_SERVICES',
  ADULT_SERVICES = 'ADULT_SERVICES',
  DISABILITY = 'DISABILITY',
  INCOME_SUPPORT = 'INCOME_SUPPORT',
}

registerEnumType(Area, {
  name: 'Area',
  description: 'A target-group area of platform work, with one subgraph each.',
  valuesConfig: {
    CHILD_SERVICES: { description: 'Barn och unga' },
    ADULT_SERVICES: { description: 'Vuxen: missbruk och beroende, våld i nära relation, hemlöshet' },
    DISABILITY: { description: 'Funktionshinder: LSS och SoL' },
    INCOME_SUPPORT: { description: 'Försörjningsstöd / ekonomiskt bistånd' },
  },
});

export interface AreaFacts {
  area: Area;
  /** The Swedish name users know the area by. */
  name: string;
  description: string;
  /** The root field of its namespace (`childServices`) and the namespace type (`ChildServices`). */
  rootField: string;
  typeName: string;
}

export const AREAS: Record<Area, AreaFacts> = {
  [Area.CHILD_SERVICES]: {
    area: Area.CHILD_SERVICES,
    name: 'Barn och unga',
    description: 'Orosanmälningar, förhandsbedömningar, utredningar, insatser i hemmet och placeringar enligt SoL och LVU.',
    rootField: 'childServices',
    typeName: 'ChildServices',
  },
  [Area.ADULT_SERVICES]: {
    area: Area.ADULT_SERVICES,
    name: 'Vuxen',
    description: 'Missbruk och beroende, våld i nära relation och hemlöshet enligt SoL och LVM.',
    rootField: 'adultServices',
    typeName: 'AdultServices',
  },
  [Area.DISABILITY]: {
    area: Area.DISABILITY,
    name: 'Funktionshinder',
    description: 'Insatser enligt LSS och stöd enligt SoL för personer med funktionsnedsättning.',
    rootField: 'disability',
    typeName: 'Disability',
  },
  [Area.INCOME_SUPPORT]: {
    area: Area.INCOME_SUPPORT,
    name: 'Försörjningsstöd',
    description: 'Ekonomiskt bistånd till hushåll: riksnormen och skäliga kostnader utöver den.',
    rootField: 'incomeSupport',
    typeName: 'IncomeSupport',
  },
};
