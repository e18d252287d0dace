import { DEFAULT_PROTOCOL, resolveProtocol, type ProtocolSettings, type SettingKey } from '@ketapath/clinical';
import { describe, expect, it } from 'vitest';
import { inductionSessions, protocolView, stated, type Statement } from './protocol-view';
import { courseEstimate, formatMoney } from './money';

function resolved(overrides: unknown): ProtocolSettings {
  return resolvedWith(overrides).protocol;
}

function resolvedWith(overrides: unknown): { protocol: ProtocolSettings; unconfirmedInUse: readonly SettingKey[] } {
  const r = resolveProtocol(overrides);
  if (!r.ok) {
    throw new Error(JSON.stringify(r.issues));
  }
  return r;
}

const find = (list: readonly Statement[], text: RegExp): Statement | undefined => list.find((s) => text.test(s.text));

describe('protocol shown on the public page', () => {
  it('calls a sourced setting at its published value "published guidance"; an unconfirmed one is the clinic\'s once it sets it, until then a suggested default', () => {
    const d = resolvedWith({});
    const v = protocolView(d.protocol, ['iv', 'esketamine_nasal'], d.unconfirmedInUse);
    const esk = v.routes.find((r) => r.route === 'esketamine_nasal');
    expect(esk?.minimumObservation).toMatchObject({ basis: 'guidance', text: expect.stringContaining('120 minutes') });
    expect(find(v.thresholds, /Heart rate above 110 or below 50/)?.basis).toBe('default');
    expect(find(v.thresholds, /above 180\/100/)?.basis).toBe('default');
    expect(find(v.thresholds, /above 180\/120/)?.basis).toBe('guidance');
    expect(find(v.criteria, /at least 6 weeks/)?.basis).toBe('default');
    const set = resolvedWith({ vitals: { heartRateAbove: 110, heartRateBelow: 50 }, trd: { minTrialWeeks: 8, nonresponseBelowPercent: 50, nonresponseInclusive: false } });
    const confirmed = protocolView(set.protocol, ['iv'], set.unconfirmedInUse);
    expect(find(confirmed.thresholds, /Heart rate above 110 or below 50/)?.basis).toBe('clinic');
    expect(find(confirmed.criteria, /at least 8 weeks/)?.basis).toBe('clinic');
  });

  it('marks a published figure the clinic changed as the clinic\'s own, and names the published figure', () => {
    const p = resolved({ observation: { esketamineMinMinutes: 150 } });
    const s = stated(p, new Set(), 'x', ['observation.esketamineMinMinutes']);
    expect(s.basis).toBe('clinic');
    expect(s.note).toMatch(/120 min/);
    const esk = protocolView(p, ['esketamine_nasal']).routes[0];
    expect(esk?.minimumObservation.text).toContain('150 minutes');
  });

  it('never presents a rule that is switched off (null) as enforced', () => {
    const off = protocolView(DEFAULT_PROTOCOL, ['iv']);
    expect(off.thresholds.some((s) => /Breathing rate/.test(s.text))).toBe(false);
    const on = protocolView(resolved({ vitals: { respiratoryRateBelow: 8 } }), ['iv']);
    expect(find(on.thresholds, /Breathing rate below 8/)?.basis).toBe('clinic');
    const iv = off.routes[0];
    expect(iv?.minimumObservation.text).toMatch(/No fixed minimum time/);
    expect(find(iv?.course ?? [], /no fixed schedule/)).toBeDefined();
    const im = protocolView(DEFAULT_PROTOCOL, ['im']).routes[0];
    expect(find(im?.course ?? [], /No standard first course/)).toBeDefined();
    expect(inductionSessions('im', DEFAULT_PROTOCOL)).toBeNull();
  });

  it('lists the vital-sign times the observation schedule enforces', () => {
    const iv = protocolView(DEFAULT_PROTOCOL, ['iv']).routes[0];
    expect(iv?.monitoring[0]?.text).toBe('Blood pressure, heart rate and oxygen level: before the dose, then at 10, 20, 30, 40, 55, 70, 85, 100, 115 and 130 minutes (the drip ends at 40 minutes). A missed reading is flagged to staff.');
    const esk = protocolView(DEFAULT_PROTOCOL, ['esketamine_nasal']).routes[0];
    expect(esk?.monitoring[0]?.text).toContain('before the dose, then at 40 and 120 minutes');
  });

  it('shows the escort rule only when the protocol enforces it', () => {
    expect(protocolView(DEFAULT_PROTOCOL, ['iv']).escort).toHaveLength(2);
    expect(protocolView(resolved({ discharge: { requireEscort: false }, predose: { requireEscortBeforeDose: false } }), ['iv']).escort).toHaveLength(0);
  });

  it('estimates a course as price per session × sessions in the first course', () => {
    expect(inductionSessions('esketamine_nasal', DEFAULT_PROTOCOL)).toEqual({ sessions: 8, description: '2 a week for 4 weeks' });
    expect(inductionSessions('iv', DEFAULT_PROTOCOL)?.sessions).toBe(6);
    const e = courseEstimate(45_000, 6);
    expect(e.totalMinor).toBe(270_000);
    expect(formatMoney(e.totalMinor, 'USD')).toBe('$2,700.00');
    expect(formatMoney(1999, 'GBP')).toBe('£19.99');
    expect(courseEstimate(33_333, 3).totalMinor).toBe(99_999);
  });
});
