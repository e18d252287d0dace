import { resolveProtocol, type ProtocolSettings, type SettingKey } from '@ketapath/clinical';
import { AppError } from '../../http/errors';
import type { ClinicRow } from '../clinic/load';

export interface ClinicProtocol {
  readonly protocol: ProtocolSettings;
  readonly unconfirmedInUse: readonly SettingKey[];
  readonly overrides: Readonly<Record<string, unknown>>;
}

/** The clinic's protocol: its stored overrides merged with the defaults by the clinical core. */
export function clinicProtocol(clinic: ClinicRow): ClinicProtocol {
  const overrides = (clinic.protocolOverrides ?? {}) as Record<string, unknown>;
  const resolved = resolveProtocol(overrides);
  if (!resolved.ok) {
    throw new AppError('CONFLICT', { detail: `The clinic protocol settings are invalid: ${resolved.issues.map((i) => i.message).join('; ')}. An administrator must correct them.` });
  }
  return { protocol: resolved.protocol, unconfirmedInUse: resolved.unconfirmedInUse, overrides };
}
