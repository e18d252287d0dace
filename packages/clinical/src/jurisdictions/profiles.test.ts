import { describe, expect, it } from 'vitest';
import { JURISDICTION_CODES } from '../protocol/route.js';
import { JURISDICTIONS } from './profiles.js';

describe('jurisdiction profiles (reference §7)', () => {
  it('US: Schedule III; records 2 years; biennial inventory; Form 41 two witnesses; theft notice 1 business day, Form 106 within 45 days; REMS; 988', () => {
    const us = JURISDICTIONS.US;
    expect(us.ketamineSchedule.text).toMatch(/Schedule III/);
    expect(us.records).toMatchObject({ retentionYears: 2, inventoryIntervalMonths: 24, initialInventoryRequired: true, destructionWitnesses: 2, wasteWitnessesRequired: null, theftLossInitialNoticeBusinessDays: 1, theftLossReportDays: 45 });
    expect(us.esketamine).toMatchObject({ approved: true, remsApplies: true, requiresSsriOrSnri: false });
    expect(us.crisisLine.number).toBe('988');
  });

  it.each([
    ['UK', /Class B/, true],
    ['CA', /Schedule I\b/, null],
    ['AU', /Schedule 8/, null],
    ['DE', /not a Betäubungsmittel/, true],
  ] as const)('%s: schedule %s; no REMS; no invented crisis number', (code, schedule, ssri) => {
    const j = JURISDICTIONS[code];
    expect(j.ketamineSchedule.text).toMatch(schedule);
    expect(j.esketamine.remsApplies).toBe(false);
    expect(j.esketamine.requiresSsriOrSnri).toBe(ssri);
    expect(j.crisisLine).toEqual({ number: null, name: null, configurable: true, source: null });
    expect(j.records.retentionYears).toBeNull();
  });

  it('every profile is complete and sourced', () => {
    for (const code of JURISDICTION_CODES) {
      const j = JURISDICTIONS[code];
      expect(j.code).toBe(code);
      for (const src of [j.ketamineSchedule.source, j.esketamine.source, j.offLabelRacemic.source, j.records.source, ...j.prescribingNotes.map((n) => n.source)]) {
        expect(src.citation.length).toBeGreaterThan(10);
      }
      expect(j.unconfirmed.length).toBeGreaterThan(0);
    }
  });
});
