import { and, desc, eq } from 'drizzle-orm';
import { intakes } from '../../db/schema';
import type { Queryable } from '../../db/types';
import { IntakeDataSchema, type IntakeData } from './schema';

export type IntakeRow = typeof intakes.$inferSelect;

/** The newest intake of a patient (a draft if one is open, else the last submitted). */
export async function latestIntake(q: Queryable, clinicId: string, patientId: string): Promise<IntakeRow | undefined> {
  const [row] = await q
    .select()
    .from(intakes)
    .where(and(eq(intakes.clinicId, clinicId), eq(intakes.patientId, patientId)))
    .orderBy(desc(intakes.updatedAt))
    .limit(1);
  return row;
}

export function intakeData(row: IntakeRow): IntakeData {
  return IntakeDataSchema.parse(row.data);
}
