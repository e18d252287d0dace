import { describe, expect, it } from 'vitest';
import readme from '../README.md?raw';
import { allScenarioFindings } from './test-support/scenarios.js';
import { PROTOCOL_SETTINGS, SETTING_KEYS } from './protocol/settings.js';
import { RULE_CODES, RULES } from './findings/rules.js';
import { SOURCES } from './findings/sources.js';

const SEVERITIES = ['block', 'override', 'warn', 'info'];
const emitted = allScenarioFindings();

describe('rule registry', () => {
  it.each(RULE_CODES.map((c) => [c]))('%s has a code, severity, description, source and known settings', (code) => {
    const rule = RULES[code];
    expect(rule.code).toBe(code);
    expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.source.citation.length).toBeGreaterThan(10);
    expect(Object.values(SOURCES)).toContain(rule.source);
    for (const key of rule.settings) {
      expect(SETTING_KEYS).toContain(key);
    }
  });

  it('every emitted finding is registered, sourced and worded', () => {
    expect(emitted.length).toBeGreaterThan(100);
    for (const f of emitted) {
      expect(RULE_CODES, f.code).toContain(f.code);
      expect(SEVERITIES).toContain(f.severity);
      expect(f.source.citation.length, f.code).toBeGreaterThan(10);
      expect(f.message.length, f.code).toBeGreaterThan(5);
    }
  });

  it('the scenario battery exercises every registered rule', () => {
    const seen = new Set(emitted.map((f) => f.code));
    expect(RULE_CODES.filter((c) => !seen.has(c))).toEqual([]);
  });
});

describe('README.md', () => {
  it.each(RULE_CODES.map((c) => [c]))('lists %s with its default severity', (code) => {
    expect(readme).toContain(`| \`${code}\` | ${RULES[code].severity} |`);
  });

  it('lists every setting that needs confirmation with its status', () => {
    for (const key of SETTING_KEYS) {
      const status = PROTOCOL_SETTINGS[key].status;
      if (status !== 'sourced') {
        expect(readme, key).toContain(`| \`${key}\` | ${status} |`);
      }
    }
  });
});
