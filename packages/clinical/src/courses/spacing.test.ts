import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROTOCOL } from '../protocol/defaults.js';
import { addDays } from '../time/local-date.js';
import { checkSessionSpacing } from './spacing.js';

describe('session spacing', () => {
  it.each([
    ['esketamine_nasal', '2026-03-05', ['2026-03-02'], 0],
    ['esketamine_nasal', '2026-03-04', ['2026-03-02'], 1],
    ['esketamine_nasal', '2026-03-01', ['2026-03-02', '2026-03-05'], 1],
    ['iv', '2026-03-03', ['2026-03-02'], 0],
    ['iv', '2026-03-02', ['2026-03-02'], 1],
  ] as const)('%s on %s against %j gives %i finding(s)', (route, date, others, n) => {
    const f = checkSessionSpacing({ route, protocol: DEFAULT_PROTOCOL, date, otherDates: others });
    expect(f).toHaveLength(n);
    expect(f.every((x) => x.code === 'COURSE_SPACING_TOO_SHORT' && x.limit === DEFAULT_PROTOCOL.schedule.minSpacingDays[route])).toBe(true);
  });

  it('rejects an invalid date', () => {
    expect(checkSessionSpacing({ route: 'iv', protocol: DEFAULT_PROTOCOL, date: '2026-02-30', otherDates: [] })[0]?.code).toBe('COURSE_INPUT_INVALID');
  });

  it('flags exactly the sessions closer than the minimum (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -30, max: 30 }), { maxLength: 10 }), fc.integer({ min: 1, max: 7 }), (offsets, min) => {
        const protocol = { ...DEFAULT_PROTOCOL, schedule: { ...DEFAULT_PROTOCOL.schedule, minSpacingDays: { ...DEFAULT_PROTOCOL.schedule.minSpacingDays, iv: min } } };
        const base = '2026-06-15';
        const f = checkSessionSpacing({ route: 'iv', protocol, date: base, otherDates: offsets.map((o) => addDays(base, o)) });
        expect(f).toHaveLength(offsets.filter((o) => Math.abs(o) < min).length);
      }),
    );
  });
});
