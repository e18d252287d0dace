import { DEFAULT_PROTOCOL } from '@ketapath/clinical';
import type { Tx } from '../../db/types';
import { ensureDefaultTemplates } from '../consents/repo';
import { ensureAppointmentTypes } from '../scheduling/defaults';

/**
 * Give a new clinic what it needs on day one: the default consent forms and the standard visit types
 * (durations from the default protocol). Run inside the transaction that creates the clinic.
 */
export async function provisionClinic(tx: Tx, clinicId: string, now: Date): Promise<void> {
  await ensureDefaultTemplates(tx, clinicId, now);
  await ensureAppointmentTypes(tx, clinicId, DEFAULT_PROTOCOL);
}
