/** Builder for rule definitions (the registry lives in ../rules.ts). */
import type { SettingKey } from '../protocol/types.js';
import type { SourceId } from './sources.js';
import type { Severity } from './types.js';

export type RuleArea = 'instruments' | 'eligibility' | 'dosing' | 'session' | 'courses' | 'outcomes';

export interface RuleDef {
  readonly area: RuleArea;
  readonly severity: Severity;
  readonly description: string;
  readonly settings: readonly SettingKey[];
  readonly source: SourceId;
}

export function rule(
  area: RuleArea,
  severity: Severity,
  description: string,
  source: SourceId,
  settings: readonly SettingKey[] = [],
): RuleDef {
  return { area, severity, description, settings, source };
}
