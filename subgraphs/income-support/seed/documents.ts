import { DocumentKind } from '@samsyn/knowledge';
import type { DocumentSeed } from '@samsyn/knowledge/seed';

const LENA = 'lena.latsas@samsyn.example';
const OMAR = 'omar.exempelsson@samsyn.example';
const NAMND = 'Socialnämnden';

/** Försörjningsstöd: the shared routines, guidelines and methods (demo content, written for Samsyn). The norm tables are in norm.ts. */
export const INCOME_SUPPORT_DOCUMENTS: DocumentSeed[] = [
  {
    kind: DocumentKind.ROUTINE,
    slug: 'ansokan-om-ekonomiskt-bistand',
    registryNumber: 'SN 2025/0410',
    owner: LENA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för handläggning av ansökan om ekonomiskt bistånd',
        summary: 'Från ansökan till beslut: vilka underlag som behövs, hur normen beräknas och när beslut fattas.',
        body: `## Steg
1. **Ansökan.** Ansökan tas emot digitalt eller på papper och registreras samma dag.
2. **Underlag.** Handläggaren begär de underlag som behövs, med en gemensam lista för alla stadsdelar.
3. **Beräkning.** Försörjningsstödet beräknas med riksnormen för hushållet plus skäliga kostnader för boende, hushållsel, arbetsresor, hemförsäkring och fackavgift.
4. **Beslut.** Beslut fattas inom tio arbetsdagar från komplett ansökan och delges med information om hur man överklagar.

## Uppföljning
Tiden från ansökan till beslut följs upp per stadsdel (indikator IS-DAYS).`,
        legalBasis: ['SoL 12 kap. 1 §', 'SoL 12 kap. 3 §', 'SoL 12 kap. 7 §'],
        targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
      {
        status: 'PUBLISHED',
        validFrom: '2026-01-01',
        title: 'Rutin för handläggning av ansökan om ekonomiskt bistånd',
        summary: 'Från ansökan till beslut: underlag, beräkning med 2026 års riksnorm och beslut inom tio arbetsdagar.',
        body: `## Steg
1. **Ansökan.** Ansökan tas emot digitalt eller på papper och registreras samma dag.
2. **Underlag.** Handläggaren begär de underlag som behövs, med en gemensam lista för alla stadsdelar; uppgifter som kan hämtas direkt från andra myndigheter begärs inte från den sökande.
3. **Beräkning.** Försörjningsstödet beräknas med 2026 års riksnorm för hushållet (normberäkningen i Samsyn) plus skäliga kostnader för boende, hushållsel, arbetsresor, hemförsäkring och fackavgift.
4. **Beslut.** Beslut fattas inom tio arbetsdagar från komplett ansökan och delges med information om hur man överklagar.

## Uppföljning
Tiden från ansökan till beslut följs upp per stadsdel (indikator IS-DAYS).`,
        legalBasis: ['SoL 12 kap. 1 §', 'SoL 12 kap. 3 §', 'SoL 12 kap. 7 §', 'SoF 12 kap. 2 §'],
        targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd',
        reviewBy: '2026-12-31',
        decidedBy: NAMND,
        changeSummary: '2026 års riksnorm; uppgifter från andra myndigheter hämtas direkt.',
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'akut-ekonomiskt-bistand',
    owner: OMAR,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för akut ekonomiskt bistånd',
        summary: 'Hur akuta behov av mat och boende bedöms och beviljas samma dag.',
        body: `## Steg
1. Den som söker akut bistånd får ett samtal samma dag.
2. Behovet bedöms utifrån vad som inte kan vänta: mat, läkemedel och tak över huvudet.
3. Beslut fattas samma dag; beloppet motsvarar riksnormens dagsbelopp för livsmedel för de dagar som behövs.
4. En tid för ordinarie ansökan bokas.`,
        legalBasis: ['SoL 12 kap. 1 §'],
        targetGroup: 'Personer med akut behov av ekonomiskt bistånd',
        reviewBy: '2026-06-30',
        decidedBy: 'Områdeschef försörjningsstöd',
      },
    ],
  },
  {
    kind: DocumentKind.ROUTINE,
    slug: 'aterkrav',
    owner: LENA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Rutin för återkrav av ekonomiskt bistånd',
        summary: 'När bistånd som betalats ut på felaktiga grunder kan krävas tillbaka, och hur.',
        body: `## Steg
1. Utred om biståndet betalats ut på grund av oriktiga uppgifter eller som förskott.
2. Kommunicera utredningen med den enskilde innan beslut.
3. Beslut om återkrav fattas av enhetschef; den enskildes ekonomiska situation beaktas.
4. Avbetalningsplan erbjuds.`,
        legalBasis: ['SoL 33 kap. 1 §', 'SoL 33 kap. 2 §'],
        targetGroup: 'Personer som fått ekonomiskt bistånd',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-ekonomiskt-bistand',
    registryNumber: 'SN 2025/0400',
    owner: LENA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Riktlinje för ekonomiskt bistånd',
        summary: 'Gemensamma bedömningar för försörjningsstöd och bistånd till livsföringen i övrigt.',
        body: `## Utgångspunkter
Biståndet ska tillförsäkra en skälig levnadsnivå och stärka möjligheten att leva ett självständigt liv. Samma hushåll ska få samma norm i alla stadsdelar.

## Försörjningsstöd
- Riksnormen beräknas för hushållets alla medlemmar.
- Skäliga boendekostnader godtas upp till stadens gemensamma nivåer.
- Den som kan arbeta ska stå till arbetsmarknadens förfogande.

## Livsföringen i övrigt
Tandvård, glasögon och hemutrustning prövas individuellt efter gemensamma nivåer.`,
        legalBasis: ['SoL 12 kap. 1 §', 'SoL 12 kap. 2 §', 'SoL 12 kap. 3 §', 'SoL 12 kap. 7 §'],
        targetGroup: 'Hushåll som ansöker om ekonomiskt bistånd',
        reviewBy: '2026-06-30',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.GUIDELINE,
    slug: 'riktlinje-boendekostnader',
    owner: OMAR,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2026-01-01',
        title: 'Riktlinje för skäliga boendekostnader',
        summary: 'Vilka hyror som godtas för olika hushållsstorlekar, och hur en för hög hyra hanteras.',
        body: `## Nivåer
Skälig hyra bedöms efter hushållets storlek och stadens gemensamma hyresnivåer, lika i alla stadsdelar.

## För hög hyra
Den sökande informeras skriftligt och ges tre månader att hitta ett billigare boende innan den högre kostnaden begränsas.`,
        legalBasis: ['SoL 12 kap. 7 §'],
        targetGroup: 'Hushåll med försörjningsstöd',
        reviewBy: '2026-12-31',
        decidedBy: NAMND,
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'motiverande-samtal-forsorjningsstod',
    owner: OMAR,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'MI i arbetet med försörjningsstöd',
        summary: 'Motiverande samtal som stöd för den som vill komma vidare till arbete eller studier.',
        body: `## Målgrupp
Vuxna med försörjningsstöd.

## Typ
Samtalsmetod.

## Innehåll
Samtalen utgår från den enskildes egna mål och skäl till förändring; handläggaren undviker att argumentera.

## Utbildning
Fyra dagars grundutbildning och handledning.`,
        legalBasis: ['SoL 5 kap. 1 §'],
        targetGroup: 'Vuxna med försörjningsstöd',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef försörjningsstöd',
        details: { methodType: 'samtalsmetod', licence: false },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'arbetsinriktad-kartlaggning',
    owner: LENA,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-10-01',
        title: 'Arbetsinriktad kartläggning',
        summary: 'En strukturerad kartläggning av resurser och hinder för arbete, som grund för en planering.',
        body: `## Målgrupp
Vuxna med försörjningsstöd som står långt från arbetsmarknaden.

## Typ
Bedömningsmetod.

## Innehåll
Kartläggningen tar upp utbildning, arbetslivserfarenhet, hälsa, språk och sociala förhållanden och leder till en gemensam plan.`,
        legalBasis: ['SoL 12 kap. 4 §'],
        targetGroup: 'Vuxna med försörjningsstöd',
        reviewBy: '2027-09-30',
        decidedBy: 'Områdeschef försörjningsstöd',
        details: { methodType: 'bedömningsmetod', licence: false },
      },
    ],
  },
  {
    kind: DocumentKind.METHOD,
    slug: 'budget-och-skuldradgivning',
    owner: OMAR,
    versions: [
      {
        status: 'PUBLISHED',
        validFrom: '2025-07-01',
        title: 'Budget- och skuldrådgivning',
        summary: 'Rådgivning om hushållets ekonomi och skulder, som stöd för att klara sig utan bistånd.',
        body: `## Målgrupp
Hushåll med skulder eller svårt att få ekonomin att gå ihop.

## Typ
Insats (rådgivning).

## Innehåll
Genomgång av inkomster, utgifter och skulder; hushållsbudget; kontakt med fordringsägare och stöd vid ansökan om skuldsanering.`,
        legalBasis: ['SoL 13 kap. 2 §'],
        targetGroup: 'Hushåll med ekonomiska svårigheter',
        reviewBy: '2027-06-30',
        decidedBy: 'Områdeschef försörjningsstöd',
        details: { methodType: 'insats', licence: false },
      },
    ],
  },
];
