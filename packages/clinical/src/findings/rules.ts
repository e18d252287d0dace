/**
 * `RULES`: the registry of every rule the package can raise, keyed by its stable code.
 * A test checks that every emitted finding's code is registered and listed in README.md.
 */
import { SOURCES } from './sources.js';
import type { SettingKey } from '../protocol/types.js';
import type { FindingOf, Severity, SourceRef } from './types.js';
import type { RuleArea, RuleDef } from './rule-def.js';
import { COURSE_RULES } from './rules-courses.js';
import { DOSING_RULES } from './rules-dosing.js';
import { ELIGIBILITY_RULES } from './rules-eligibility.js';
import { INSTRUMENT_RULES } from './rules-instruments.js';
import { SESSION_RULES } from './rules-session.js';

const ALL = { ...INSTRUMENT_RULES, ...ELIGIBILITY_RULES, ...DOSING_RULES, ...SESSION_RULES, ...COURSE_RULES } as const;

/** Stable rule codes. */
export type RuleCode = keyof typeof ALL;

/** A registered rule. */
export interface Rule {
  readonly code: RuleCode;
  readonly area: RuleArea;
  /** Default severity; a few rules document a route-dependent severity in their description. */
  readonly severity: Severity;
  readonly description: string;
  /** Protocol settings the rule reads. */
  readonly settings: readonly SettingKey[];
  readonly source: SourceRef;
}

/** A clinical finding raised by a registered rule. */
export type Finding = FindingOf<RuleCode>;

function build(): { readonly [C in RuleCode]: Rule } {
  const out: Partial<Record<RuleCode, Rule>> = {};
  for (const code of Object.keys(ALL) as RuleCode[]) {
    const def: RuleDef = ALL[code];
    out[code] = { code, area: def.area, severity: def.severity, description: def.description, settings: def.settings, source: SOURCES[def.source] };
  }
  return out as { readonly [C in RuleCode]: Rule };
}

export const RULES: { readonly [C in RuleCode]: Rule } = build();

export const RULE_CODES: readonly RuleCode[] = Object.keys(RULES) as RuleCode[];
