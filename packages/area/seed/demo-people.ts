import { Area } from '../src/area';

/**
 * Invented process leaders, with fixed ids so that the areas' demo documents can name their owners,
 * and invented contact data: the e-mail domain is reserved for examples and the
 * numbers are from the series Sweden's telecom regulator keeps for fiction (070-1740605 – 070-1740699).
 */
export const DEMO_PROCESS_LEADERS: { id: string; name: string; title: string; email: string; phone: string; areas: Area[] }[] = [
  {
    id: '5a5a0000-0000-4000-8000-000000000001',
    name: 'Anna Exempel',
    title: 'Processledare barn och unga',
    email: 'anna.exempel@samsyn.example',
    phone: '070-174 06 05',
    areas: [Area.CHILD_SERVICES],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000002',
    name: 'Jonas Prov',
    title: 'Processledare barn och unga',
    email: 'jonas.prov@samsyn.example',
    phone: '070-174 06 06',
    areas: [Area.CHILD_SERVICES],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000003',
    name: 'Maria Testsson',
    title: 'Processledare vuxen',
    email: 'maria.testsson@samsyn.example',
    phone: '070-174 06 07',
    areas: [Area.ADULT_SERVICES],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000004',
    name: 'Erik Demo',
    title: 'Processledare vuxen',
    email: 'erik.demo@samsyn.example',
    phone: '070-174 06 08',
    areas: [Area.ADULT_SERVICES],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000005',
    name: 'Sara Fiktiv',
    title: 'Processledare funktionshinder',
    email: 'sara.fiktiv@samsyn.example',
    phone: '070-174 06 09',
    areas: [Area.DISABILITY],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000006',
    name: 'Ali Påhittad',
    title: 'Processledare funktionshinder',
    email: 'ali.pahittad@samsyn.example',
    phone: '070-174 06 10',
    areas: [Area.DISABILITY],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000007',
    name: 'Lena Låtsas',
    title: 'Processledare försörjningsstöd',
    email: 'lena.latsas@samsyn.example',
    phone: '070-174 06 11',
    areas: [Area.INCOME_SUPPORT],
  },
  {
    id: '5a5a0000-0000-4000-8000-000000000008',
    name: 'Omar Exempelsson',
    title: 'Processledare försörjningsstöd',
    email: 'omar.exempelsson@samsyn.example',
    phone: '070-174 06 12',
    areas: [Area.INCOME_SUPPORT],
  },
];
