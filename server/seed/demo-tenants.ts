import type { NewTenant } from '../db/schema.ts';

type DemoTenant = Omit<NewTenant, 'created_at' | 'iban' | 'bic'>;

/** The gemeenten from the sources (with CBS gemeentecode) and UWV. */
export const DEMO_TENANTS: DemoTenant[] = [
  { id: 'almere', naam: 'Almere', soort: 'gemeente', cbs_code: '0034' },
  { id: 'breda', naam: 'Breda', soort: 'gemeente', cbs_code: '0758' },
  { id: 'delft', naam: 'Delft', soort: 'gemeente', cbs_code: '0503' },
  { id: 'groningen', naam: 'Groningen', soort: 'gemeente', cbs_code: '0014' },
  { id: 'utrecht', naam: 'Utrecht', soort: 'gemeente', cbs_code: '0344' },
  { id: 'vlaardingen', naam: 'Vlaardingen', soort: 'gemeente', cbs_code: '0622' },
  { id: 'wageningen', naam: 'Wageningen', soort: 'gemeente', cbs_code: '0289' },
  { id: 'zoetermeer', naam: 'Zoetermeer', soort: 'gemeente', cbs_code: '0637' },
  { id: 'eindhoven', naam: 'Eindhoven', soort: 'gemeente', cbs_code: '0772' },
  { id: 'enschede', naam: 'Enschede', soort: 'gemeente', cbs_code: '0153' },
  { id: 'helmond', naam: 'Helmond', soort: 'gemeente', cbs_code: '0794' },
  { id: 'leiden', naam: 'Leiden', soort: 'gemeente', cbs_code: '0546' },
  { id: 'gouda', naam: 'Gouda', soort: 'gemeente', cbs_code: '0513' },
  { id: 'apeldoorn', naam: 'Apeldoorn', soort: 'gemeente', cbs_code: '0200' },
  { id: 'rotterdam', naam: 'Rotterdam', soort: 'gemeente', cbs_code: '0599' },
  { id: 'uwv', naam: 'UWV', soort: 'uwv', cbs_code: null },
];
