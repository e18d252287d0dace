/**
 * `PROTOCOL_SETTINGS`: metadata for every protocol setting, keyed by dotted path, with the default taken from
 * `DEFAULT_PROTOCOL` (single source of truth for values).
 */
import { DEFAULT_PROTOCOL } from './defaults.js';
import type { SettingMetaDef } from './meta.js';
import { COURSE_SETTINGS } from './settings-course.js';
import { DOSING_SETTINGS } from './settings-dosing.js';
import { SAFETY_SETTINGS } from './settings-safety.js';
import type { ProtocolSettings, SettingKey } from './types.js';

/** A leaf value of the protocol. */
export type SettingValue = number | boolean | string | null | readonly (string | number)[];

export interface SettingMeta extends SettingMetaDef {
  readonly key: SettingKey;
  readonly default: SettingValue;
}

function isBranch(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every leaf path of a protocol-shaped object, in declaration order. */
export function leafPaths(obj: unknown, prefix = ''): string[] {
  if (!isBranch(obj)) {
    return [];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    const path = `${prefix}${k}`;
    if (isBranch(v)) {
      out.push(...leafPaths(v, `${path}.`));
    } else {
      out.push(path);
    }
  }
  return out;
}

/** Value at a dotted path, or `undefined`. */
export function valueAtPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (!isBranch(cur)) {
      return undefined;
    }
    cur = cur[part];
  }
  return cur;
}

/** Typed read of one setting from a protocol. */
export function getSetting(protocol: ProtocolSettings, key: SettingKey): SettingValue {
  return valueAtPath(protocol, key) as SettingValue;
}

/** All setting keys, in `DEFAULT_PROTOCOL` order. */
export const SETTING_KEYS: readonly SettingKey[] = leafPaths(DEFAULT_PROTOCOL) as SettingKey[];

function build(): Readonly<Record<SettingKey, SettingMeta>> {
  const defs: { readonly [K in SettingKey]?: SettingMetaDef } = { ...SAFETY_SETTINGS, ...DOSING_SETTINGS, ...COURSE_SETTINGS };
  const out: Partial<Record<SettingKey, SettingMeta>> = {};
  for (const key of SETTING_KEYS) {
    const def = defs[key];
    if (def === undefined) {
      throw new Error(`Protocol setting ${key} has no metadata`);
    }
    out[key] = { ...def, key, default: getSetting(DEFAULT_PROTOCOL, key) };
  }
  return out as Readonly<Record<SettingKey, SettingMeta>>;
}

/** Metadata for every setting (label, unit, bounds, default, source, status). */
export const PROTOCOL_SETTINGS: Readonly<Record<SettingKey, SettingMeta>> = build();

/** Settings whose value the reference does not confirm (UI: "confirm with your medical director"). */
export const SETTINGS_NEEDING_CONFIRMATION: readonly SettingKey[] = SETTING_KEYS.filter(
  (k) => PROTOCOL_SETTINGS[k].status !== 'sourced',
);
