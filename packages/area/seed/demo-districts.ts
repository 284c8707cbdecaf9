/**
 * Göteborg's ten district committees of 2011–2020 (populations approximate, for demo only):
 * the organisation subgraph registers them and the areas' demo figures are reported for them.
 */
export const DEMO_DISTRICTS = [
  { code: 'angered', name: 'Angered', population: 54_000 },
  { code: 'ostra-goteborg', name: 'Östra Göteborg', population: 48_000 },
  { code: 'orgryte-harlanda', name: 'Örgryte-Härlanda', population: 62_000 },
  { code: 'centrum', name: 'Centrum', population: 62_000 },
  { code: 'majorna-linne', name: 'Majorna-Linné', population: 63_000 },
  { code: 'askim-frolunda-hogsbo', name: 'Askim-Frölunda-Högsbo', population: 70_000 },
  { code: 'vastra-goteborg', name: 'Västra Göteborg', population: 50_000 },
  { code: 'vastra-hisingen', name: 'Västra Hisingen', population: 60_000 },
  { code: 'lundby', name: 'Lundby', population: 48_000 },
  { code: 'norra-hisingen', name: 'Norra Hisingen', population: 50_000 },
] as const;

/** The platform era began when the 21 districts became ten. */
export const DEMO_DISTRICTS_VALID_FROM = '2011-01-01';
