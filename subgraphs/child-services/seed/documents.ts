import { DocumentKind } from '@samsyn/knowledge';
import type { DocumentSeed } from '@samsyn/knowledge/seed';

const ANNA = 'anna.exempel@samsyn.example';
const JONAS = 'jonas.prov@samsyn.example';
const NAMND = 'Socialnämnden';

/** Barn och unga: the shared routines, guidelines and methods (demo content, written for Samsyn). */
export const CHILD_SERVICES_DOCUMENTS: DocumentSeed[] = [
  {
    kind: DocumentKind.ROUTINE,
    slug: 'orosanmalan-och-forhandsbedomning',
    registryNumber: 'SN 2025/0142',
    owner: ANNA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för mottagande av orosanmälan och förhandsbedömning',
        summary: 'Hur en orosanmälan om ett barn tas emot, skyddsbedöms samma dag och förhandsbedöms inom 14 dagar.',
        body: `## Syfte
Varje orosanmälan ska hanteras lika i alla stadsdelar: samma steg, samma tidsgränser, samma dokumentation.

## Steg
1. **Mottagning.** Anmälan registreras samma dag som den kommer in. Datum för inkommen anmälan styr alla frister.
2. **Omedelbar skyddsbedömning.** Mottagningssekreteraren bedömer genast om barnet behöver omedelbart skydd och dokumenterar bedömningen i barnets personakt.
3. **Förhandsbedömning.** Beslut om att inleda eller inte inleda utredning fattas inom 14 dagar från att anmälan kom in. Tiden får bara förlängas om det finns synnerliga skäl, och skälen dokumenteras.
4. **Återkoppling.** Anmälare som är yrkesverksamma informeras om beslutet och får erbjudande om möte när det är lämpligt.

## Ansvar
Enhetschef för mottagning ansvarar för att fristerna följs upp varje vecka.`,
        legalBasis: ['SoL 19 kap. 1 §', 'SoL 20 kap. 1 §', 'SoL 20 kap. 2 §'],
        targetGroup: 'Barn och unga 0–20 år som en orosanmälan gäller',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
        details: {
          deadlines: {
            initialAssessmentDays: 14,
            investigationMonths: 4,
            legalBasis: { initialAssessment: 'SoL 20 kap. 2 §', investigation: 'SoL 20 kap. 3 §' },
          },
        },
      },
      {
        status: 'PUBLISHED',
        validFrom: '2026-03-01',
        title: 'Rutin för mottagande av orosanmälan och förhandsbedömning',
        summary:
          'Hur en orosanmälan om ett barn tas emot, skyddsbedöms samma dag och förhandsbedöms inom 14 dagar, med gemensam mall för skyddsbedömningen.',
        body: `## Syfte
Varje orosanmälan ska hanteras lika i alla stadsdelar: samma steg, samma tidsgränser, samma dokumentation.

## Steg
1. **Mottagning.** Anmälan registreras samma dag som den kommer in. Datum för inkommen anmälan styr alla frister.
2. **Omedelbar skyddsbedömning.** Mottagningssekreteraren bedömer genast om barnet behöver omedelbart skydd. Den gemensamma mallen för skyddsbedömning används i alla stadsdelar.
3. **Förhandsbedömning.** Beslut om att inleda eller inte inleda utredning fattas inom 14 dagar från att anmälan kom in. Tiden får bara förlängas om det finns synnerliga skäl, och skälen dokumenteras.
4. **Flera anmälningar.** Kommer nya orosanmälningar under pågående utredning läggs de till utredningen utan ny förhandsbedömning.
5. **Återkoppling.** Anmälare som är yrkesverksamma informeras om beslutet och får erbjudande om möte när det är lämpligt.

## Ansvar
Enhetschef för mottagning följer upp fristerna varje vecka och rapporterar andelen förhandsbedömningar inom 14 dagar (indikator CS-IA14) varje kvartal.`,
        legalBasis: ['SoL 19 kap. 1 §', 'SoL 20 kap. 1 §', 'SoL 20 kap. 2 §'],
        targetGroup: 'Barn och unga 0–20 år som en orosanmälan gäller',
        reviewBy: '2027-02-28',
        decidedBy: NAMND,
        changeSummary: 'Gemensam mall för skyddsbedömning; anmälningar under pågående utredning; uppföljning med CS-IA14.',
        details: {
          deadlines: {
            initialAssessmentDays: 14,
            investigationMonths: 4,
            legalBasis: { initialAssessment: 'SoL 20 kap. 2 §', investigation: 'SoL 20 kap. 3 §' },
          },
        },
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'utredning-av-barns-behov',
    registryNumber: 'SN 2025/0143',
    owner: JONAS,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för utredning av barns behov av skydd eller stöd',
        summary: 'Utredningen bedrivs enligt BBIC, skyndsamt, och är slutförd inom fyra månader från att den inleddes.',
        body: `## Steg
1. **Inledande.** Beslut om att inleda utredning dokumenteras med datum; fyramånadersfristen räknas från det datumet.
2. **Planering.** Utredningsplan enligt BBIC inom två veckor, med vilka som ska höras och vilka underlag som behövs.
3. **Barnets röst.** Barnet får information och möjlighet att framföra sina åsikter; samtalet dokumenteras.
4. **Förlängning.** Behövs mer tid ska beslut om förlängning fattas före fristens utgång, med de särskilda skälen angivna.
5. **Avslut.** Utredningen avslutas med bedömning och förslag till beslut.

## Ansvar
Handläggande socialsekreterare ansvarar för utredningen; enhetschef för uppföljning av tidsgränsen (indikator CS-INV4M).`,
        legalBasis: ['SoL 20 kap. 3 §', 'SoL 3 kap. 2 §'],
        targetGroup: 'Barn och unga 0–20 år',
        reviewBy: '2026-12-31',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'overvagande-av-placering',
    registryNumber: 'SN 2025/0160',
    owner: ANNA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-09-01',
        title: 'Rutin för övervägande av vård utanför hemmet',
        summary: 'Vården av ett placerat barn övervägs minst var sjätte månad.',
        body: `## Steg
1. Ansvarig socialsekreterare bevakar datum för övervägande i verksamhetssystemet.
2. Inför övervägandet samtalar socialsekreteraren med barnet, vårdnadshavarna och familjehemmet.
3. Övervägandet dokumenteras: behövs vården fortfarande, och hur bör den inriktas och utformas?
4. Beslut fattas senast sex månader efter placeringen eller föregående övervägande.`,
        legalBasis: ['SoL 22 kap. 13 §'],
        targetGroup: 'Barn och unga placerade utanför det egna hemmet',
        reviewBy: '2026-08-31',
        decidedBy: 'Områdeschef barn och unga',
      },
      {
        status: 'PUBLISHED',
        validFrom: '2027-01-01',
        title: 'Rutin för övervägande av vård utanför hemmet',
        summary:
          'Vården av ett placerat barn övervägs minst var sjätte månad; från 2027 med gemensam checklista och barnsamtal före varje övervägande.',
        body: `## Steg
1. Ansvarig socialsekreterare bevakar datum för övervägande i verksamhetssystemet, med påminnelse en månad innan.
2. Socialsekreteraren träffar barnet enskilt före varje övervägande.
3. Den gemensamma checklistan för övervägande används i alla stadsdelar.
4. Övervägandet dokumenteras: behövs vården fortfarande, och hur bör den inriktas och utformas?
5. Beslut fattas senast sex månader efter placeringen eller föregående övervägande.`,
        legalBasis: ['SoL 22 kap. 13 §'],
        targetGroup: 'Barn och unga placerade utanför det egna hemmet',
        reviewBy: '2027-12-31',
        decidedBy: 'Områdeschef barn och unga',
        changeSummary: 'Enskilt barnsamtal före varje övervägande och gemensam checklista.',
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-barn-och-unga',
    registryNumber: 'SN 2025/0100',
    owner: ANNA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för handläggning inom barn och unga',
        summary: 'Gemensamma utgångspunkter för bedömningar och beslut om stöd och skydd till barn och unga.',
        body: `## Utgångspunkter
- Barnets bästa ska särskilt beaktas vid alla beslut som rör barn.
- Stödet ges i första hand i hemmet och i samarbete med vårdnadshavarna.
- Insatser ska bygga på bästa tillgängliga kunskap och följas upp.

## Bedömning
Behov bedöms med BBIC:s triangel: barnets utveckling, föräldrarnas förmåga och faktorer i familj och miljö.

## Nivåer
1. Råd och stöd utan utredning.
2. Öppenvårdsinsats efter utredning (familjebehandling, kontaktperson).
3. Vård utanför hemmet när stöd i hemmet inte räcker.`,
        legalBasis: ['SoL 3 kap. 1 §', 'SoL 18 kap. 1 §', 'SoL 5 kap. 1 §'],
        targetGroup: 'Barn och unga 0–20 år och deras familjer',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-familjehem',
    registryNumber: 'SN 2025/0101',
    owner: JONAS,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-10-01',
        title: 'Riktlinje för familjehemsvård',
        summary: 'Hur familjehem utreds, matchas, stöds och följs upp, och vilka arvoden och omkostnader som normalt gäller.',
        body: `## Utredning och matchning
Familjehem utreds med gemensam utredningsmall. Placering hos närstående prövas alltid först.

## Stöd under placeringen
- Familjehemssekreterare besöker familjehemmet minst fyra gånger per år.
- Familjehemmet erbjuds grundutbildning inom sex månader.

## Arvode och omkostnader
Arvode och omkostnadsersättning följer stadens gemensamma nivåer; avvikelser beslutas av enhetschef och motiveras skriftligt.`,
        legalBasis: ['SoL 22 kap. 1 §', 'SoL 22 kap. 13 §'],
        targetGroup: 'Barn och unga i familjehem och deras familjehem',
        reviewBy: '2026-09-30',
        decidedBy: NAMND,
      },
      {
        status: 'IN_REVIEW',
        title: 'Riktlinje för familjehemsvård',
        summary: 'Hur familjehem utreds, matchas, stöds och följs upp; nu med krav på kompletterande stöd efter två år.',
        body: `## Utredning och matchning
Familjehem utreds med gemensam utredningsmall. Placering hos närstående prövas alltid först.

## Stöd under placeringen
- Familjehemssekreterare besöker familjehemmet minst fyra gånger per år.
- Familjehemmet erbjuds grundutbildning inom sex månader och fördjupning efter två år.

## Arvode och omkostnader
Arvode och omkostnadsersättning följer stadens gemensamma nivåer; avvikelser beslutas av enhetschef och motiveras skriftligt.`,
        legalBasis: ['SoL 22 kap. 1 §', 'SoL 22 kap. 13 §', 'SoL 22 kap. 14 §'],
        targetGroup: 'Barn och unga i familjehem och deras familjehem',
        reviewBy: '2027-09-30',
        decidedBy: NAMND,
        changeSummary: 'Fördjupningsutbildning efter två år; hänvisning till övervägande om vårdnadsöverflyttning.',
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-kontaktperson-barn',
    owner: JONAS,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för kontaktperson och kontaktfamilj för barn',
        summary: 'När kontaktperson eller kontaktfamilj beviljas, i vilken omfattning och hur insatsen följs upp.',
        body: `## När
Insatsen kan beviljas när barnet behöver en vuxen förebild eller avlastning i vardagen och stödet i nätverket inte räcker.

## Omfattning
- Kontaktperson: normalt 4–8 timmar per månad.
- Kontaktfamilj: normalt 1–2 helger per månad.

## Uppföljning
Insatsen följs upp minst var sjätte månad tillsammans med barnet och vårdnadshavarna.`,
        legalBasis: ['SoL 13 kap. 7 §'],
        targetGroup: 'Barn och unga 0–20 år',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'bbic',
    owner: ANNA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'BBIC – Barns behov i centrum',
        summary: 'Nationellt ramverk för utredning, planering och uppföljning inom den sociala barn- och ungdomsvården.',
        body: `## Målgrupp
Barn och unga som socialtjänsten utreder eller ger insatser.

## Typ
Ramverk för handläggning och dokumentation (inte ett bedömningsinstrument i sig).

## Innehåll
Utredningen utgår från BBIC-triangeln: barnets behov, föräldrarnas förmåga och familj och miljö. Gemensamma begrepp och mallar används genom hela kedjan från förhandsbedömning till uppföljning.

## Utbildning och licens
Kommunen behöver licens från Socialstyrelsen. Alla handläggare går grundutbildning i BBIC under första anställningsåret.

## Kunskapsläge
Ramverket bygger på forskning om barns utveckling; det är inte utvärderat som en enskild metod.`,
        legalBasis: ['SoL 20 kap. 3 §', 'SoL 5 kap. 1 §'],
        targetGroup: 'Barn och unga i socialtjänstens barn- och ungdomsvård',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef barn och unga',
        details: { methodType: 'ramverk', licence: true, trainingRequired: 'Grundutbildning i BBIC' },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'signs-of-safety',
    owner: JONAS,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-11-01',
        title: 'Signs of Safety',
        summary: 'Ett familjeinvolverande arbetssätt för att bedöma risker och bygga säkerhet tillsammans med familjen och dess nätverk.',
        body: `## Målgrupp
Familjer där det finns oro för barns säkerhet.

## Typ
Arbetssätt (insats och förhållningssätt).

## Innehåll
Arbetet kartlägger vad som oroar, vad som fungerar och vad som behöver hända, med en skattning av säkerheten från 0 till 10. Barnets perspektiv tas fram med egna verktyg, och familjens nätverk bygger en säkerhetsplan.

## Utbildning
Grundutbildning om tre dagar samt handledning i arbetsgrupp.

## Kunskapsläge
Ej granskat i Metodguiden; lokala uppföljningar görs.`,
        legalBasis: ['SoL 3 kap. 2 §'],
        targetGroup: 'Barn och unga och deras familjer och nätverk',
        reviewBy: '2027-10-31',
        decidedBy: 'Områdeschef barn och unga',
        details: { methodType: 'arbetssätt', licence: false, trainingRequired: 'Tre dagars grundutbildning' },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'motiverande-samtal-barn-och-unga',
    owner: ANNA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'MI – motiverande samtal med unga och föräldrar',
        summary: 'En samtalsmetod som stärker den egna motivationen till förändring, i möten med unga och föräldrar.',
        body: `## Målgrupp
Unga och föräldrar där förändring behövs men motivationen är kluven.

## Typ
Samtalsmetod.

## Innehåll
Öppna frågor, reflektioner, bekräftelser och sammanfattningar; samtalet lockar fram personens egna skäl till förändring.

## Utbildning
Grundutbildning om fyra dagar och kodning av inspelade samtal för att hålla metodtroheten.`,
        legalBasis: ['SoL 5 kap. 1 §'],
        targetGroup: 'Unga och föräldrar',
        reviewBy: '2026-12-31',
        decidedBy: 'Områdeschef barn och unga',
        details: { methodType: 'samtalsmetod', licence: false, trainingRequired: 'Fyra dagars grundutbildning' },
      },
    ],
  },
];
