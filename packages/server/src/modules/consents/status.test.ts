import { describe, expect, it } from 'vitest';
import { consentStatus } from './status';

const d = new Date('2026-01-01T00:00:00Z');

describe('consent status', () => {
  it.each([
    [{ version: 1, countersignedAt: null, withdrawnAt: null }, 1, 'awaiting_countersignature'],
    [{ version: 1, countersignedAt: d, withdrawnAt: null }, 1, 'valid'],
    [{ version: 2, countersignedAt: d, withdrawnAt: null }, 1, 'valid'],
    [{ version: 1, countersignedAt: d, withdrawnAt: null }, 2, 'needs_reconsent'],
    [{ version: 1, countersignedAt: d, withdrawnAt: d }, 1, 'withdrawn'],
    [{ version: 1, countersignedAt: null, withdrawnAt: d }, 3, 'withdrawn'],
  ] as const)('%o with latest material version %i is %s', (c, latest, status) => {
    expect(consentStatus(c, latest)).toBe(status);
  });
});
