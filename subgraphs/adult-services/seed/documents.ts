import { DocumentKind } from '@samsyn/knowledge';
import type { DocumentSeed } from '@samsyn/knowledge/seed';

const MARIA = 'maria.testsson@samsyn.example';
const ERIK = 'erik.demo@samsyn.example';
const NAMND = 'Socialnämnden';

/** Vuxen: the shared routines, guidelines and methods (demo content, written for Samsyn). */
export const ADULT_SERVICES_DOCUMENTS: DocumentSeed[] = [
  {
    kind: DocumentKind.ROUTINE,
    slug: 'vald-i-nara-relation',
    registryNumber: 'SN 2025/0210',
    owner: MARIA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin vid våld i nära relation',
        summary: 'Hur socialtjänsten frågar om våld, bedömer risk med FREDA och erbjuder skydd och stöd.',
        body: `## Steg
1. **Fråga.** Alla vuxna som söker stöd tillfrågas om våld, enskilt och utan att närstående är med.
2. **Bedöm.** Vid kännedom om våld görs FREDA-kortfrågor och vid behov FREDA-farlighetsbedömning samma dag.
3. **Skydda.** Behövs skydd erbjuds skyddat boende eller annat skydd; barn i hushållet uppmärksammas och orosanmälan görs vid behov.
4. **Stödja.** Stödinsatser planeras tillsammans med den våldsutsatta; den som utövar våld erbjuds insatser för att ändra sitt beteende.

## Ansvar
Handläggaren dokumenterar riskbedömningen; enhetschef ser till att alla handläggare har FREDA-utbildning.`,
        legalBasis: ['SoL 13 kap. 1 §', 'SoL 13 kap. 8 §', 'SoL 9 kap. 5 §'],
        targetGroup: 'Vuxna som utsatts för våld av närstående, och deras barn',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'samordnad-individuell-plan',
    owner: ERIK,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-09-01',
        title: 'Rutin för samordnad individuell plan (SIP)',
        summary: 'När och hur en samordnad individuell plan upprättas med regionen för personer med skadligt bruk eller beroende.',
        body: `## Steg
1. Behöver den enskilde insatser från både socialtjänst och hälso- och sjukvård erbjuds SIP.
2. Med samtycke kallar den som först ser behovet till möte inom två veckor.
3. Planen anger vem som gör vad och när, och vem som har huvudansvaret.
4. Planen följs upp vid det datum som anges i den, minst var tredje månad.`,
        legalBasis: ['SoL 10 kap. 8 §', 'SoL 13 kap. 10 §'],
        targetGroup: 'Vuxna med skadligt bruk eller beroende och samsjuklighet',
        reviewBy: '2026-08-31',
        decidedBy: 'Områdeschef vuxen',
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'forsta-kontakt-missbruk',
    owner: MARIA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för första kontakt vid skadligt bruk och beroende',
        summary: 'Från ansökan till första möte: tid, screening och bedömning med ASI.',
        body: `## Steg
1. Den som ansöker eller anmäls erbjuds ett första möte inom tio arbetsdagar.
2. Vid första mötet görs AUDIT och DUDIT som screening.
3. Vid fortsatt kontakt görs en ASI-grundintervju innan insatser planeras.
4. Tiden från ansökan till första möte följs upp (indikator AS-WAIT).`,
        legalBasis: ['SoL 13 kap. 10 §'],
        targetGroup: 'Vuxna med skadligt bruk eller beroende',
        reviewBy: '2026-06-30',
        decidedBy: 'Områdeschef vuxen',
      },
      {
        status: 'DRAFT',
        title: 'Rutin för första kontakt vid skadligt bruk och beroende',
        summary: 'Från ansökan till första möte: tid, screening och bedömning med ASI; nu även spel om pengar.',
        body: `## Steg
1. Den som ansöker eller anmäls erbjuds ett första möte inom tio arbetsdagar.
2. Vid första mötet görs AUDIT och DUDIT som screening, och frågor om spel om pengar.
3. Vid fortsatt kontakt görs en ASI-grundintervju innan insatser planeras.
4. Tiden från ansökan till första möte följs upp (indikator AS-WAIT).`,
        legalBasis: ['SoL 13 kap. 10 §'],
        targetGroup: 'Vuxna med skadligt bruk eller beroende, även av spel om pengar',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef vuxen',
        changeSummary: 'Screening för spel om pengar.',
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-missbruk-och-beroende',
    registryNumber: 'SN 2025/0200',
    owner: ERIK,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för insatser vid skadligt bruk och beroende',
        summary: 'Vilka insatser som normalt beviljas på vilken nivå, och hur de följs upp.',
        body: `## Utgångspunkter
Insatser planeras i samförstånd med den enskilde och följs upp noga. Öppenvård prövas före vård utanför hemmet.

## Nivåer
1. Rådgivning och motiverande samtal.
2. Strukturerad öppenvård (återfallsprevention, MI, stöd till anhöriga).
3. Boende med stöd eller vård i hem för vård eller boende när öppenvård inte räcker.

## Uppföljning
ASI-uppföljning görs efter sex och tolv månader.`,
        legalBasis: ['SoL 13 kap. 10 §', 'SoL 9 kap. 1 §'],
        targetGroup: 'Vuxna med skadligt bruk eller beroende',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-hemloshet',
    owner: MARIA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-10-01',
        title: 'Riktlinje för arbetet mot hemlöshet',
        summary: 'Bostad först som utgångspunkt, och när tillfälligt boende beviljas.',
        body: `## Utgångspunkter
Eget boende med stöd är förstahandsvalet (Bostad först). Tillfälligt boende är en kortsiktig lösning och ska följas av en plan.

## Tillfälligt boende
Beviljas för högst en månad i taget och prövas på nytt; barnfamiljer placeras inte på härbärge.

## Uppföljning
Antalet personer i tillfälliga lösningar följs upp varje kvartal per stadsdel.`,
        legalBasis: ['SoL 12 kap. 1 §', 'SoL 8 kap. 1 §'],
        targetGroup: 'Vuxna i hemlöshet eller som riskerar hemlöshet',
        reviewBy: '2026-09-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-skyddat-boende',
    owner: MARIA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för skyddat boende',
        summary: 'När skyddat boende beviljas, och hur barnens behov beaktas under vistelsen.',
        body: `## När
Skyddat boende beviljas när FREDA-bedömningen visar risk för nytt allvarligt våld och andra skyddsåtgärder inte räcker.

## Barn
Barn som följer med bedöms för sig; deras skolgång och kontakt med den andra föräldern planeras.

## Längd
Placeringen prövas minst varannan vecka och avslutas med en plan för fortsatt boende.`,
        legalBasis: ['SoL 9 kap. 5 §', 'SoL 9 kap. 6 §'],
        targetGroup: 'Vuxna och barn som behöver skydd mot våld',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'asi',
    owner: ERIK,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'ASI – Addiction Severity Index',
        summary: 'En strukturerad intervju som kartlägger den enskildes situation inom sju livsområden.',
        body: `## Målgrupp
Vuxna med skadligt bruk eller beroende.

## Typ
Bedömningsmetod: instrument och manual.

## Innehåll
Grundintervju och uppföljningsintervju om fysisk hälsa, arbete och försörjning, alkohol, narkotika, rättsliga problem, familj och umgänge samt psykisk hälsa. Intervjun tar 45–90 minuter.

## Utbildning och licens
Två dagars grundutbildning; fritt att använda.

## Kunskapsläge
Granskad; god tillförlitlighet.`,
        legalBasis: ['SoL 5 kap. 1 §'],
        targetGroup: 'Vuxna med skadligt bruk eller beroende',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef vuxen',
        details: { methodType: 'bedömningsmetod', instrument: 'ASI', licence: false, trainingRequired: 'Två dagars grundutbildning' },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'audit-och-dudit',
    owner: ERIK,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'AUDIT och DUDIT – screening för alkohol och droger',
        summary: 'Två korta självskattningsformulär som visar om alkohol- eller drogvanorna är riskabla.',
        body: `## Målgrupp
Vuxna vid första kontakt med socialtjänsten.

## Typ
Bedömningsmetod: screeninginstrument.

## Innehåll
AUDIT (tio frågor om alkohol) och DUDIT (elva frågor om droger) fylls i av den enskilde och poängsätts direkt. Tar omkring tio minuter.

## Utbildning
Kort introduktion; fritt att använda.`,
        legalBasis: ['SoL 5 kap. 1 §'],
        targetGroup: 'Vuxna',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef vuxen',
        details: { methodType: 'bedömningsmetod', instrument: 'AUDIT/DUDIT', licence: false },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'freda',
    owner: MARIA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'FREDA – bedömning vid våld i nära relation',
        summary: 'Standardiserade bedömningsmetoder: kortfrågor, beskrivning av våldet och farlighetsbedömning.',
        body: `## Målgrupp
Vuxna som kan vara utsatta för våld av närstående.

## Typ
Bedömningsmetod.

## Innehåll
FREDA-kortfrågor identifierar våld; FREDA-beskrivning kartlägger våldets art och omfattning; FREDA-farlighetsbedömning skattar risken för nytt allvarligt våld.

## Utbildning
Webbutbildning från Socialstyrelsen för alla handläggare inom vuxen.`,
        legalBasis: ['SoL 13 kap. 1 §'],
        targetGroup: 'Vuxna utsatta för våld i nära relation',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef vuxen',
        details: { methodType: 'bedömningsmetod', instrument: 'FREDA', licence: false },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'aterfallsprevention',
    owner: ERIK,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Återfallsprevention',
        summary: 'En strukturerad behandling som lär ut färdigheter för att hantera situationer med risk för återfall.',
        body: `## Målgrupp
Vuxna med alkohol- eller narkotikaberoende.

## Typ
Insats (kognitiv beteendeterapeutisk behandling), individuellt eller i grupp.

## Innehåll
8–12 träffar om risksituationer, sug, tankefällor och en egen plan för att förebygga och hantera återfall.

## Utbildning
Behandlaren har grundläggande KBT-utbildning och metodutbildning.`,
        legalBasis: ['SoL 13 kap. 10 §'],
        targetGroup: 'Vuxna med alkohol- eller narkotikaberoende',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef vuxen',
        details: { methodType: 'insats', licence: false },
      },
    ],
  },
];
