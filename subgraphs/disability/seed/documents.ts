import { DocumentKind } from '@samsyn/knowledge';
import type { DocumentSeed } from '@samsyn/knowledge/seed';

const SARA = 'sara.fiktiv@samsyn.example';
const ALI = 'ali.pahittad@samsyn.example';
const NAMND = 'Socialnämnden';

/** Funktionshinder: the shared routines, guidelines and methods (demo content, written for Samsyn). */
export const DISABILITY_DOCUMENTS: DocumentSeed[] = [
  {
    kind: DocumentKind.ROUTINE,
    slug: 'rapportering-ej-verkstallda-beslut',
    registryNumber: 'SN 2025/0310',
    owner: SARA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för rapportering av ej verkställda beslut',
        summary:
          'Gynnande beslut enligt SoL och LSS som inte verkställts inom tre månader rapporteras till IVO och revisorerna varje kvartal.',
        body: `## Steg
1. Verkställande enhet registrerar datum för beslut och för verkställighet i verksamhetssystemet.
2. Efter två månader utan verkställighet skickas en påminnelse till enhetschefen.
3. Vid kvartalets slut sammanställs alla beslut som inte verkställts inom tre månader, med datum, typ av insats och skäl till dröjsmålet.
4. Rapporten skickas till Inspektionen för vård och omsorg och till revisorerna.
5. När ett rapporterat beslut verkställs anmäls det med datum för verkställigheten.

## Uppföljning
Andelen ej verkställda beslut följs upp per stadsdel och insats (indikator DI-NOTEX3M).`,
        legalBasis: ['SoL 34 kap. 1 §', 'SoL 34 kap. 2 §', 'LSS 28 f §', 'LSS 28 g §'],
        targetGroup: 'Personer med gynnande beslut enligt SoL eller LSS',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
        details: { deadlines: { notCarriedOutMonths: 3, reportingPeriod: 'quarter' } },
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'handlaggning-lss',
    owner: ALI,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för handläggning av ansökan enligt LSS',
        summary: 'Från ansökan till beslut: personkretsbedömning, utredning enligt IBIC och beslut.',
        body: `## Steg
1. Ansökan registreras samma dag; den sökande får bekräftelse och kontaktuppgifter.
2. Personkretstillhörighet bedöms först, med stöd av underlag från hälso- och sjukvården.
3. Behovet utreds enligt IBIC; den sökandes egna önskemål dokumenteras.
4. Beslut fattas och delges med information om hur man överklagar.
5. Tiden från ansökan till beslut följs upp (indikator DI-DAYS).`,
        legalBasis: ['LSS 7 §', 'LSS 9 §'],
        targetGroup: 'Personer som ansöker om insatser enligt LSS',
        reviewBy: '2026-06-30',
        decidedBy: 'Områdeschef funktionshinder',
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'genomforandeplan',
    owner: SARA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-10-01',
        title: 'Rutin för genomförandeplan',
        summary: 'Hur insatsen planeras tillsammans med den enskilde när den börjar, och följs upp.',
        body: `## Steg
1. Genomförandeplanen upprättas inom tre veckor från att insatsen startat.
2. Den enskilde, och vid behov företrädare, deltar; planen skrivs så att den enskilde kan förstå den.
3. Planen anger mål, vad som ska göras, hur och när.
4. Planen följs upp minst var sjätte månad eller när behoven ändras.`,
        legalBasis: ['LSS 6 §'],
        targetGroup: 'Personer med insatser enligt LSS eller SoL',
        reviewBy: '2026-09-30',
        decidedBy: 'Områdeschef funktionshinder',
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-lss',
    registryNumber: 'SN 2025/0300',
    owner: SARA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för insatser enligt LSS',
        summary: 'Vad som normalt beviljas för var och en av de tio insatserna i LSS 9 §, och på vilken nivå.',
        body: `## Utgångspunkter
Insatserna ska ge goda levnadsvillkor, vara varaktiga och samordnade och stärka förmågan att leva ett självständigt liv.

## Nivåer per insats
- **Ledsagarservice:** normalt upp till 20 timmar per månad.
- **Kontaktperson:** normalt en träff per vecka.
- **Avlösarservice i hemmet:** normalt upp till 20 timmar per månad.
- **Korttidsvistelse:** normalt upp till 10 dygn per månad.
- **Daglig verksamhet:** utformas efter den enskildes önskemål och förmåga.

Avsteg från nivåerna görs efter individuell bedömning och motiveras i beslutet.`,
        legalBasis: ['LSS 7 §', 'LSS 9 §'],
        targetGroup: 'Personer som tillhör LSS personkrets',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
        details: {
          levels: {
            'LSS-3': { unit: 'timmar per månad', normal: 20 },
            'LSS-4': { unit: 'träffar per månad', normal: 4 },
            'LSS-5': { unit: 'timmar per månad', normal: 20 },
            'LSS-6': { unit: 'dygn per månad', normal: 10 },
          },
        },
      },
      {
        status: 'IN_REVIEW',
        title: 'Riktlinje för insatser enligt LSS',
        summary: 'Vad som normalt beviljas för var och en av de tio insatserna i LSS 9 §; ledsagarservice höjs till 25 timmar.',
        body: `## Utgångspunkter
Insatserna ska ge goda levnadsvillkor, vara varaktiga och samordnade och stärka förmågan att leva ett självständigt liv.

## Nivåer per insats
- **Ledsagarservice:** normalt upp till 25 timmar per månad.
- **Kontaktperson:** normalt en träff per vecka.
- **Avlösarservice i hemmet:** normalt upp till 20 timmar per månad.
- **Korttidsvistelse:** normalt upp till 10 dygn per månad.
- **Daglig verksamhet:** utformas efter den enskildes önskemål och förmåga.

Avsteg från nivåerna görs efter individuell bedömning och motiveras i beslutet.`,
        legalBasis: ['LSS 7 §', 'LSS 9 §'],
        targetGroup: 'Personer som tillhör LSS personkrets',
        reviewBy: '2027-06-30',
        decidedBy: NAMND,
        changeSummary: 'Ledsagarservice: normalnivån höjs från 20 till 25 timmar per månad.',
        details: {
          levels: {
            'LSS-3': { unit: 'timmar per månad', normal: 25 },
            'LSS-4': { unit: 'träffar per månad', normal: 4 },
            'LSS-5': { unit: 'timmar per månad', normal: 20 },
            'LSS-6': { unit: 'dygn per månad', normal: 10 },
          },
        },
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-boendestod-sol',
    owner: ALI,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för boendestöd och hemtjänst enligt SoL',
        summary: 'Stöd i det egna boendet för personer med funktionsnedsättning som inte omfattas av LSS.',
        body: `## Boendestöd
Praktiskt och socialt stöd i vardagen, normalt upp till 10 timmar per vecka, med mål att öka självständigheten.

## Hemtjänst
Service och personlig omvårdnad efter individuell bedömning.

## Uppföljning
Insatsen följs upp minst en gång per år.`,
        legalBasis: ['SoL 11 kap. 1 §'],
        targetGroup: 'Vuxna med funktionsnedsättning',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
        details: { levels: { 'SOL-BOENDESTOD': { unit: 'timmar per vecka', normal: 10 } } },
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-personlig-assistans',
    owner: SARA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för personlig assistans',
        summary: 'Kommunens ansvar för personlig assistans för grundläggande behov under 15 timmar per vecka.',
        body: `## Ansvar
Kommunen beslutar om personlig assistans när de grundläggande behoven är högst 15 timmar per vecka; annars prövar Försäkringskassan assistansersättning.

## Bedömning
Behovet bedöms utifrån en vanlig vecka, med tidsredovisning från den enskilde.`,
        legalBasis: ['LSS 9 §', 'LSS 9 a §'],
        targetGroup: 'Personer som behöver personlig assistans',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'ibic',
    owner: ALI,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'IBIC – Individens behov i centrum',
        summary: 'Ett behovsinriktat och systematiskt arbetssätt för att utreda, planera och följa upp insatser.',
        body: `## Målgrupp
Vuxna som ansöker om eller har insatser enligt SoL eller LSS.

## Typ
Arbetssätt med gemensamt språk för dokumentation.

## Innehåll
Behov beskrivs utifrån livsområden; mål formuleras tillsammans med den enskilde och följs upp strukturerat.

## Utbildning och licens
Utbildning för handläggare och utförare; licens från Socialstyrelsen.`,
        legalBasis: ['SoL 5 kap. 1 §', 'LSS 6 §'],
        targetGroup: 'Vuxna med insatser enligt SoL eller LSS',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef funktionshinder',
        details: { methodType: 'arbetssätt', licence: true },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'alternativ-och-kompletterande-kommunikation',
    owner: SARA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-10-01',
        title: 'AKK – alternativ och kompletterande kommunikation',
        summary: 'Bilder, tecken och tekniska hjälpmedel som stöd för den som har svårt att tala eller förstå tal.',
        body: `## Målgrupp
Personer med kommunikationssvårigheter.

## Typ
Arbetssätt och hjälpmedel.

## Innehåll
Personalen använder tecken som stöd, bildstöd och samtalsmattor så att den enskilde kan vara delaktig i sin egen planering.

## Utbildning
Grundkurs i tecken som stöd och bildstöd för all personal i boenden och daglig verksamhet.`,
        legalBasis: ['LSS 6 §'],
        targetGroup: 'Personer med kommunikationssvårigheter',
        reviewBy: '2027-09-30',
        decidedBy: 'Områdeschef funktionshinder',
        details: { methodType: 'arbetssätt', licence: false },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'tydliggorande-pedagogik',
    owner: ALI,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Tydliggörande pedagogik',
        summary: 'Struktur i tid, rum och aktivitet som gör vardagen begriplig och förutsägbar.',
        body: `## Målgrupp
Personer med autism eller intellektuell funktionsnedsättning.

## Typ
Arbetssätt.

## Innehåll
Scheman, tydliga platser för aktiviteter och visuella instruktioner svarar på frågorna var, när, vad, hur länge och vad händer sedan.

## Utbildning
Grundutbildning för personal i boende och daglig verksamhet.`,
        legalBasis: ['LSS 6 §'],
        targetGroup: 'Personer med autism eller intellektuell funktionsnedsättning',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef funktionshinder',
        details: { methodType: 'arbetssätt', licence: false },
      },
    ],
  },
];
