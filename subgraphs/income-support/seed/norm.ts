import fs from 'node:fs';
import path from 'node:path';
import { DocumentKind } from '@samsyn/knowledge';
import type { DocumentSeed } from '@samsyn/knowledge/seed';
import { normTableFromCsv } from '../src/norm/norm-table';

/** The real 2026 norm (SoF 2025:468 12 kap. 2 §, as amended by SFS 2025:1046), from the CSV beside this file. */
export function nationalNormDocument(): DocumentSeed {
  const csv = fs.readFileSync(path.resolve(__dirname, '../../seed/riksnorm-2026.csv'), 'utf8');
  const table = normTableFromCsv(csv, 2026, 'SoF 12 kap. 2 §');
  return {
    kind: DocumentKind.GUIDELINE,
    slug: 'riksnorm',
    registryNumber: 'SN 2025/0450',
    owner: 'lena.latsas@samsyn.example',
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2026-01-01',
        title: 'Riksnormen för försörjningsstöd 2026',
        summary: 'Riksnormens belopp per månad för 2026: personliga kostnader per hushållsmedlem och gemensamma hushållskostnader.',
        body: `Regeringen anger riksnormen för skäliga kostnader för livsmedel, kläder och skor, lek och fritid, förbrukningsvaror, hälsa och hygien samt dagstidning och telefon.

Normen för ett hushåll är summan av de personliga kostnaderna för alla hushållsmedlemmar och hushållets gemensamma kostnader. Ensamstående vuxen: 3 940 kr, sambor tillsammans: 7 100 kr; gemensamma kostnader för en person: 1 280 kr. En ensamstående vuxen får alltså 5 220 kr i månaden.

Skäliga kostnader för boende, hushållsel, arbetsresor, hemförsäkring och avgifter till fackförening och arbetslöshetskassa läggs till utanför normen. Räkna normen med \`nationalNorm\` i Samsyn så blir den densamma i alla stadsdelar.`,
        legalBasis: ['SoL 12 kap. 7 §', 'SoF 12 kap. 2 §', 'SoF 12 kap. 3 §'],
        targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd',
        reviewBy: '2026-12-31',
        decidedBy: 'Regeringen (SFS 2025:1046); införd av socialnämnden',
        details: { nationalNorm: table },
      },
    ],
  };
}
