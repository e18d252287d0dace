/** Shapes and builders for protocol-setting metadata. */
import { SOURCES, type SourceId } from '../findings/sources.js';
import type { SourceRef } from '../findings/types.js';

/**
 * `sourced`: the value is stated in the reference; `unconfirmed`: the reference marks it UNCONFIRMED or gives no
 * number; `conflict`: sources disagree. The UI shows "confirm with your medical director" for the last two.
 */
export type SettingStatus = 'sourced' | 'unconfirmed' | 'conflict';

export type SettingType =
  | { readonly kind: 'number'; readonly min: number; readonly max: number; readonly integer: boolean; readonly nullable: boolean }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'enum'; readonly options: readonly string[] }
  | { readonly kind: 'enum_list'; readonly options: readonly string[] }
  | { readonly kind: 'number_list'; readonly min: number; readonly max: number };

export interface SettingMetaDef {
  readonly label: string;
  readonly unit: string | null;
  readonly status: SettingStatus;
  readonly source: SourceRef;
  readonly note?: string;
  readonly type: SettingType;
}

interface NumberOpts {
  readonly integer?: boolean;
  readonly nullable?: boolean;
  readonly note?: string;
}

/** Numeric setting. `min`/`max` are input-sanity bounds for validation, not clinical thresholds. */
export function num(
  label: string,
  unit: string,
  bounds: readonly [number, number],
  status: SettingStatus,
  source: SourceId,
  opts: NumberOpts = {},
): SettingMetaDef {
  const type: SettingType = {
    kind: 'number',
    min: bounds[0],
    max: bounds[1],
    integer: opts.integer ?? false,
    nullable: opts.nullable ?? false,
  };
  return withNote({ label, unit, status, source: SOURCES[source], type }, opts.note);
}

export function bool(label: string, status: SettingStatus, source: SourceId, note?: string): SettingMetaDef {
  return withNote({ label, unit: null, status, source: SOURCES[source], type: { kind: 'boolean' } }, note);
}

export function oneOf(
  label: string,
  options: readonly string[],
  status: SettingStatus,
  source: SourceId,
  note?: string,
): SettingMetaDef {
  return withNote({ label, unit: null, status, source: SOURCES[source], type: { kind: 'enum', options } }, note);
}

export function listOf(
  label: string,
  options: readonly string[],
  status: SettingStatus,
  source: SourceId,
  note?: string,
): SettingMetaDef {
  return withNote({ label, unit: null, status, source: SOURCES[source], type: { kind: 'enum_list', options } }, note);
}

export function numbers(
  label: string,
  unit: string,
  bounds: readonly [number, number],
  status: SettingStatus,
  source: SourceId,
  note?: string,
): SettingMetaDef {
  const type: SettingType = { kind: 'number_list', min: bounds[0], max: bounds[1] };
  return withNote({ label, unit, status, source: SOURCES[source], type }, note);
}

function withNote(def: SettingMetaDef, note: string | undefined): SettingMetaDef {
  return note === undefined ? def : { ...def, note };
}

/** Sanity bounds reused across settings (validation only). */
export const MMHG: readonly [number, number] = [0, 300];
export const MINUTES: readonly [number, number] = [0, 1440];
export const PERCENT: readonly [number, number] = [0, 100];
export const DAYS: readonly [number, number] = [1, 3650];
export const MG_PER_KG: readonly [number, number] = [0, 10];
export const MG: readonly [number, number] = [0, 2000];
