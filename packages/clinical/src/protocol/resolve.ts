/**
 * `resolveProtocol`: validates a clinic's stored overrides (any JSON) against the metadata and merges them with
 * the defaults. The server always goes through this function.
 */
import type { ValidationIssue } from '../findings/types.js';
import { DEFAULT_PROTOCOL } from './defaults.js';
import type { SettingType } from './meta.js';
import { getSetting, PROTOCOL_SETTINGS, SETTING_KEYS, valueAtPath, type SettingValue } from './settings.js';
import type { ProtocolSettings, SettingKey } from './types.js';

export type ResolveProtocolResult =
  | {
      readonly ok: true;
      readonly protocol: ProtocolSettings;
      /** Unconfirmed/conflict settings still at their default (the clinic has not confirmed them). */
      readonly unconfirmedInUse: readonly SettingKey[];
    }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkValue(key: string, type: SettingType, value: unknown): string | null {
  switch (type.kind) {
    case 'number': {
      if (value === null) {
        return type.nullable ? null : 'must be a number (null is not allowed)';
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return 'must be a finite number';
      }
      if (type.integer && !Number.isInteger(value)) {
        return 'must be a whole number';
      }
      return value < type.min || value > type.max ? `must be between ${type.min} and ${type.max}` : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'enum':
      return typeof value === 'string' && type.options.includes(value) ? null : `must be one of: ${type.options.join(', ')}`;
    case 'enum_list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && type.options.includes(v)) && new Set(value).size === value.length
        ? null
        : `must be a list without duplicates drawn from: ${type.options.join(', ')}`;
    case 'number_list':
      return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= type.min && v <= type.max)
        ? null
        : `must be a non-empty list of numbers between ${type.min} and ${type.max}`;
  }
  return `unsupported setting type for ${key}`;
}

function collect(node: unknown, prefix: string, issues: ValidationIssue[], provided: Map<SettingKey, SettingValue>): void {
  if (!isPlainObject(node)) {
    issues.push({ code: 'INVALID_VALUE', itemId: prefix === '' ? '(root)' : prefix.slice(0, -1), message: 'must be an object' });
    return;
  }
  for (const [k, v] of Object.entries(node)) {
    const path = `${prefix}${k}`;
    const meta = (PROTOCOL_SETTINGS as Readonly<Record<string, (typeof PROTOCOL_SETTINGS)[SettingKey] | undefined>>)[path];
    if (meta !== undefined) {
      const problem = checkValue(path, meta.type, v);
      if (problem === null) {
        provided.set(meta.key, v as SettingValue);
      } else {
        issues.push({ code: 'INVALID_VALUE', itemId: path, message: `${meta.label}: ${problem}` });
      }
    } else if (isPlainObject(valueAtPath(DEFAULT_PROTOCOL, path))) {
      collect(v, `${path}.`, issues, provided);
    } else {
      issues.push({ code: 'UNKNOWN_SETTING', itemId: path, message: `Unknown protocol setting "${path}"` });
    }
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = target;
  for (const part of parts.slice(0, -1)) {
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[parts.length - 1] ?? path] = value;
}

function crossChecks(p: ProtocolSettings): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const order = (lowKey: SettingKey, highKey: SettingKey, low: number | null, high: number | null): void => {
    if (low !== null && high !== null && low > high) {
      issues.push({ code: 'INVALID_VALUE', itemId: highKey, message: `${PROTOCOL_SETTINGS[highKey].label} must not be below ${PROTOCOL_SETTINGS[lowKey].label}` });
    }
  };
  order('vitals.heartRateBelow', 'vitals.heartRateAbove', p.vitals.heartRateBelow, p.vitals.heartRateAbove);
  order('vitals.respiratoryRateBelow', 'vitals.respiratoryRateAbove', p.vitals.respiratoryRateBelow, p.vitals.respiratoryRateAbove);
  order('iv.softAlertAboveMgPerKg', 'iv.overrideAboveMgPerKg', p.iv.softAlertAboveMgPerKg, p.iv.overrideAboveMgPerKg);
  order('iv.overrideAboveMgPerKg', 'iv.hardMaxMgPerKg', p.iv.overrideAboveMgPerKg, p.iv.hardMaxMgPerKg);
  order('iv.defaultMgPerKg', 'iv.hardMaxMgPerKg', p.iv.defaultMgPerKg, p.iv.hardMaxMgPerKg);
  order('im.defaultMgPerKg', 'im.hardMaxMgPerKg', p.im.defaultMgPerKg, p.im.hardMaxMgPerKg);
  order('alerts.escalateAfterMinutes', 'alerts.notifyPrescriberAfterMinutes', p.alerts.escalateAfterMinutes, p.alerts.notifyPrescriberAfterMinutes);
  order('iv.minInfusionMinutes', 'iv.maxInfusionMinutes', p.iv.minInfusionMinutes, p.iv.maxInfusionMinutes);
  order('bp.esketaminePredoseSystolicMax', 'bp.esketaminePredoseSystolicMaxOlder', p.bp.esketaminePredoseSystolicMax, p.bp.esketaminePredoseSystolicMaxOlder);
  order('outcomes.partialResponseMinReductionPercent', 'outcomes.responseReductionPercent', p.outcomes.partialResponseMinReductionPercent, p.outcomes.responseReductionPercent);
  if (p.esketamine.allowedDosesMg.some((d) => d % p.esketamine.mgPerDevice !== 0 || d <= 0)) {
    issues.push({ code: 'INVALID_VALUE', itemId: 'esketamine.allowedDosesMg', message: 'Each allowed esketamine dose must be a positive whole number of devices' });
  }
  for (const key of ['esketamine.startDoseMg', 'esketamine.mdsiDoseMg', 'esketamine.mdsiReducedDoseMg', 'esketamine.olderAdultStartDoseMg'] as const) {
    const dose = getSetting(p, key);
    if (typeof dose === 'number' && !p.esketamine.allowedDosesMg.includes(dose)) {
      issues.push({ code: 'INVALID_VALUE', itemId: key, message: `${PROTOCOL_SETTINGS[key].label} must be one of the allowed doses` });
    }
  }
  return issues;
}

/**
 * Validate `overrides` (a clinic's partial settings as parsed JSON; `null`/`undefined` = none) and merge them
 * with `DEFAULT_PROTOCOL`. Arrays replace the default whole.
 */
export function resolveProtocol(overrides: unknown): ResolveProtocolResult {
  const issues: ValidationIssue[] = [];
  const provided = new Map<SettingKey, SettingValue>();
  if (overrides !== null && overrides !== undefined) {
    collect(overrides, '', issues, provided);
  }
  if (issues.length > 0) {
    return { ok: false, issues };
  }
  const merged = JSON.parse(JSON.stringify(DEFAULT_PROTOCOL)) as Record<string, unknown>;
  for (const [key, value] of provided) {
    setPath(merged, key, value);
  }
  const protocol = merged as unknown as ProtocolSettings;
  const cross = crossChecks(protocol);
  if (cross.length > 0) {
    return { ok: false, issues: cross };
  }
  const unconfirmedInUse = SETTING_KEYS.filter((k) => PROTOCOL_SETTINGS[k].status !== 'sourced' && !provided.has(k));
  return { ok: true, protocol, unconfirmedInUse };
}
