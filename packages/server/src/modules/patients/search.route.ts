import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../audit/record';
import { patients } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { phoneDigits } from './duplicates';
import { PatientSummaryOut, presentPatientSummary } from './presenters';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const searchPatientsRoute = defineRoute({
  method: 'GET',
  url: '/api/patients',
  access: { action: 'patient.read' },
  summary: 'Find patients by name, record number, date of birth or phone',
  description: '`q` matches any part of a name, or a record number (KP-000123 or 123); `dob` is exact (YYYY-MM-DD); `phone` matches the last digits. At most 50 results.',
  tags: ['Patients'],
  schema: {
    querystring: z.object({
      q: z.string().trim().max(80).optional(),
      dob: z.iso.date().optional(),
      phone: z.string().trim().max(40).optional(),
      status: z.enum(['active', 'inactive', 'all']).default('active'),
    }),
    response: { 200: z.object({ patients: z.array(PatientSummaryOut) }) },
  },
  async handler({ query, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const clinic = await loadClinic(deps.db, me.clinicId);
    const where: SQL[] = [eq(patients.clinicId, me.clinicId)];
    if (query.status !== 'all') {
      where.push(eq(patients.status, query.status));
    }
    if (query.q !== undefined && query.q !== '') {
      const mrnMatch = /^(?:kp-?)?0*(\d{1,9})$/i.exec(query.q);
      const words = query.q.split(/\s+/).filter(Boolean).slice(0, 4);
      const nameConds = words.map((w) => {
        const like = `%${escapeLike(w)}%`;
        return or(ilike(patients.legalFirstName, like), ilike(patients.legalLastName, like), ilike(patients.preferredName, like)) as SQL;
      });
      const byName = and(...nameConds) as SQL;
      where.push(mrnMatch === null ? byName : (or(byName, eq(patients.mrn, Number(mrnMatch[1]))) as SQL));
    }
    if (query.dob !== undefined) {
      where.push(eq(patients.dateOfBirth, query.dob));
    }
    const digits = phoneDigits(query.phone);
    if (digits !== null) {
      where.push(ilike(patients.phoneDigits, `%${digits}`));
    }
    const rows = await deps.db
      .select()
      .from(patients)
      .where(and(...where))
      .orderBy(asc(patients.legalLastName), asc(patients.legalFirstName))
      .limit(50);
    await deps.db.transaction((tx) =>
      recordAudit(tx, {
        action: 'patient.searched',
        outcome: 'success',
        clinicId: me.clinicId,
        actor: me,
        details: { results: rows.length, patientIds: rows.map((r) => r.id) },
        meta,
        at: now,
      }),
    );
    const today = localDateOf(now, clinic.timeZone);
    return { patients: rows.map((r) => presentPatientSummary(r, today)) };
  },
});
