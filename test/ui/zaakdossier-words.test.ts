import { describe, expect, it } from 'vitest';
import { tijdlijnZin } from '../../ui/src/components/Dossier.tsx';
import { huidigeStap } from '../../ui/src/components/ProcesSectie.tsx';
import type { TijdlijnItem, ZaakProces } from '../../ui/src/regie-api.ts';

const proces = (p: Partial<ZaakProces>): ZaakProces => ({ zaakId: 'z', bpmnProcessId: 'prb', version: 1, status: 'actief', xml: '<x/>', actief: [], afgerond: [], ...p });

describe('zaakdossier in words', () => {
  it('names the current step (the text alternative of the diagram)', () => {
    expect(huidigeStap(proces({ actief: [{ elementId: 'Intake', naam: 'Intake vastleggen' }] }))).toBe('Huidige stap: Intake vastleggen.');
    expect(huidigeStap(proces({ actief: [{ elementId: 'A', naam: 'Plan beoordelen' }, { elementId: 'Wacht', naam: null }, { elementId: 'C', naam: 'Offerte opvragen' }] }))).toBe(
      'Huidige stappen: Plan beoordelen, Wacht en Offerte opvragen.',
    );
    expect(huidigeStap(proces({ actief: [] }))).toBe('Huidige stap: het systeem verwerkt de vorige stap.');
    expect(huidigeStap(proces({ status: 'afgerond' }))).toBe('Het proces van deze zaak is afgerond.');
    expect(huidigeStap(proces({ status: 'niet-gestart', xml: null }))).toBe('Het proces van deze zaak is nog niet gestart.');
  });

  it('says "U heeft …" to whoever did it and names others with their role', () => {
    const item: TijdlijnItem = {
      op: '2026-11-20T10:00:00Z',
      soort: 'user_task.completed',
      omschrijving: 'Taak afgerond: Intake',
      door: 'anna',
      doorNaam: 'Anna de Vries',
      doorRol: 'klantmanager',
      handeling: 'heeft „Intake” afgerond',
      zin: 'Anna de Vries (klantmanager) heeft „Intake” afgerond.',
      fase: null,
    };
    expect(tijdlijnZin(item, 'anna')).toBe('U heeft „Intake” afgerond.');
    expect(tijdlijnZin(item, 'piet')).toBe('Anna de Vries (klantmanager) heeft „Intake” afgerond.');
    expect(tijdlijnZin({ ...item, door: null, doorNaam: null, handeling: null, zin: 'De taak „Intake” staat klaar.' }, 'anna')).toBe('De taak „Intake” staat klaar.');
  });
});

describe('Doorlooptijden in words', () => {
  it('shows the share within the legal term with its counts, and days in Dutch', async () => {
    const { aandeelBinnenTermijn } = await import('../../ui/src/pages/DoorlooptijdenPage.tsx');
    const { dagen } = await import('../../ui/src/lib/format.ts');
    expect(aandeelBinnenTermijn({ besloten: 3, binnenTermijn: 2 })).toBe('67 % (2 van 3)');
    expect(aandeelBinnenTermijn({ besloten: 0, binnenTermijn: 0 })).toBe('–');
    expect(dagen(42)).toBe('42 dagen');
    expect(dagen(40.5)).toBe('40,5 dagen');
    expect(dagen(1)).toBe('1 dag');
    expect(dagen(null)).toBe('–');
  });
});
