import { JURISDICTIONS, type JurisdictionCode } from '@ketapath/clinical';
import { z } from 'zod';
import type { ClinicRow } from '../clinic/load';

export const CrisisLineOut = z.object({ name: z.string(), number: z.string(), source: z.enum(['clinic', 'jurisdiction']) }).nullable();

/** The crisis line patients are shown: the clinic's own, else its jurisdiction's default (US 988); null = none set. */
export function crisisLineFor(clinic: Pick<ClinicRow, 'jurisdiction' | 'crisisLineName' | 'crisisLineNumber'>): z.infer<typeof CrisisLineOut> {
  if (clinic.crisisLineNumber !== null && clinic.crisisLineNumber !== '') {
    return { name: clinic.crisisLineName ?? 'Crisis line', number: clinic.crisisLineNumber, source: 'clinic' };
  }
  const j = (JURISDICTIONS as Record<string, (typeof JURISDICTIONS)[JurisdictionCode] | undefined>)[clinic.jurisdiction];
  const line = j?.crisisLine;
  return line?.number === null || line?.number === undefined ? null : { name: line.name ?? 'Crisis line', number: line.number, source: 'jurisdiction' };
}
