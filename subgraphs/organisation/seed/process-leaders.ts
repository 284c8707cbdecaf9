import type { Area } from '@samsyn/knowledge';

/**
 * Invented people with invented contact data: the e-mail domain is reserved for examples and the
 * numbers are from the series Sweden's telecom regulator keeps for fiction (070-1740605 – 070-1740699).
 */
export const DEMO_PROCESS_LEADERS: { name: string; title: string; email: string; phone: string; areas: Area[] }[] = [
  { name: 'Anna Exempel', title: 'Processledare barn och unga', email: 'anna.exempel@samsyn.example', phone: '070-174 06 05', areas: ['CHILD_SERVICES' as Area] },
  { name: 'Jonas Prov', title: 'Processledare barn och unga', email: 'jonas.prov@samsyn.example', phone: '070-174 06 06', areas: ['CHILD_SERVICES' as Area] },
  { name: 'Maria Testsson', title: 'Processledare vuxen', email: 'maria.testsson@samsyn.example', phone: '070-174 06 07', areas: ['ADULT_SERVICES' as Area] },
  { name: 'Erik Demo', title: 'Processledare vuxen', email: 'erik.demo@samsyn.example', phone: '070-174 06 08', areas: ['ADULT_SERVICES' as Area] },
  { name: 'Sara Fiktiv', title: 'Processledare funktionshinder', email: 'sara.fiktiv@samsyn.example', phone: '070-174 06 09', areas: ['DISABILITY' as Area] },
  { name: 'Ali Påhittad', title: 'Processledare funktionshinder', email: 'ali.pahittad@samsyn.example', phone: '070-174 06 10', areas: ['DISABILITY' as Area] },
  { name: 'Lena Låtsas', title: 'Processledare försörjningsstöd', email: 'lena.latsas@samsyn.example', phone: '070-174 06 11', areas: ['INCOME_SUPPORT' as Area] },
  { name: 'Omar Exempelsson', title: 'Processledare försörjningsstöd', email: 'omar.exempelsson@samsyn.example', phone: '070-174 06 12', areas: ['INCOME_SUPPORT' as Area] },
];
