import { eq } from 'drizzle-orm';
import { clinics } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { AppError } from '../../http/errors';

export type ClinicRow = typeof clinics.$inferSelect;

export async function loadClinic(q: Queryable, clinicId: string): Promise<ClinicRow> {
  const [clinic] = await q.select().from(clinics).where(eq(clinics.id, clinicId));
  if (clinic === undefined) {
    throw new AppError('UNAUTHENTICATED');
  }
  return clinic;
}
