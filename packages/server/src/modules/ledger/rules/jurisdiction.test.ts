import { JURISDICTION_CODES } from '@ketapath/clinical';
import { describe, expect, it } from 'vitest';
import { ledgerRules } from './jurisdiction';

describe('ledger rules by jurisdiction', () => {
  it('US: 2-year retention, biennial inventory, two destruction witnesses, 1 business day / 45 days (confirmed)', () => {
    const us = ledgerRules('US');
    expect(us).toMatchObject({
      retentionYears: { value: 2, confirmed: true },
      inventoryIntervalMonths: { value: 24, confirmed: true },
      initialInventoryRequired: { value: true, confirmed: true },
      destructionWitnesses: { value: 2, confirmed: true },
      theftLoss: { noticeBusinessDays: 1, reportDays: 45, confirmed: true },
    });
    expect(us.wasteWitnesses).toMatchObject({ value: 1, confirmed: false });
    expect(us.wasteWitnesses.note).toMatch(/confirm with your medical director\/pharmacist/);
  });

  it.each(JURISDICTION_CODES.filter((c) => c !== 'US'))('%s: unconfirmed values stay null or take the stricter default, and say so', (code) => {
    const r = ledgerRules(code);
    expect(r.retentionYears.value).toBeNull();
    expect(r.inventoryIntervalMonths.value).toBeNull();
    expect(r.theftLoss.noticeBusinessDays).toBeNull();
    expect(r.theftLoss.reportDays).toBeNull();
    expect(r.initialInventoryRequired.value).toBe(true);
    expect(r.destructionWitnesses).toMatchObject({ value: 2, confirmed: false });
    expect(r.wasteWitnesses).toMatchObject({ value: 1, confirmed: false });
    for (const req of [r.retentionYears, r.inventoryIntervalMonths, r.destructionWitnesses, r.wasteWitnesses]) {
      expect(req.note).toMatch(/medical director\/pharmacist/);
    }
  });

  it('falls back to the US profile for an unknown code', () => {
    expect(ledgerRules('XX').jurisdiction).toBe('US');
  });
});
