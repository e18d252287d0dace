import { SOURCES } from '@ketapath/clinical';
import { routeLabel } from './presenters';
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { appointments, appointmentTypes } from '../../db/schema';
import { defineRoute } from '../../http/route';
import { localDateOf } from '../../lib/zoned';
import { loadClinic } from '../clinic/load';
import { auditPatientRead, loadPatient } from '../patients/repo';
import { displayName } from '../patients/presenters';
import { loadProfile } from '../public/profile/repo';
import { localOf } from '../scheduling/repo';
import { loadSession } from './repo';
import { Id } from './schemas';

const InstructionsOut = z.object({
  clinicName: z.string(),
  patientName: z.string(),
  date: z.string(),
  treatment: z.string(),
  sections: z.array(z.object({ title: z.string(), lines: z.array(z.string()), source: z.string().nullable() })),
  nextAppointment: z.object({ date: z.string(), time: z.string(), type: z.string() }).nullable(),
});

export const dischargeInstructionsRoute = defineRoute({
  method: 'GET',
  url: '/api/sessions/:id/discharge-instructions',
  access: { action: 'session.read' },
  summary: 'Printable discharge instructions: no driving until the next day after sleep, whom to call, the next appointment',
  tags: ['Treatment sessions'],
  schema: { params: Id, response: { 200: InstructionsOut } },
  async handler({ params, deps, actor, meta }) {
    const me = actor();
    const now = deps.clock.now();
    const s = await loadSession(deps, me, meta, params.id);
    const [clinic, patient] = await Promise.all([loadClinic(deps.db, me.clinicId), loadPatient(deps, me, meta, s.patientId)]);
    const profile = await loadProfile(deps.db, clinic);
    const [next] = await deps.db
      .select({ startsAt: appointments.startsAt, type: appointmentTypes.name })
      .from(appointments)
      .innerJoin(appointmentTypes, eq(appointmentTypes.id, appointments.typeId))
      .where(and(eq(appointments.patientId, s.patientId), eq(appointments.status, 'booked'), gt(appointments.startsAt, now)))
      .orderBy(asc(appointments.startsAt))
      .limit(1);
    const phone = profile.content.phone;
    await auditPatientRead(deps, me, meta, s.patientId, 'discharge_instructions');
    return {
      clinicName: clinic.name,
      patientName: displayName(patient),
      date: localDateOf(s.dischargedAt ?? now, clinic.timeZone),
      treatment: routeLabel(s.route),
      sections: [
        {
          title: 'For the rest of today',
          lines: [
            'Do not drive, cycle or operate machinery until the next day, after a night of restful sleep.',
            'Do not sign legal documents or make important decisions today.',
            'Go home with the adult who came to collect you, and rest.',
            'Avoid alcohol and other sedating substances today: they add to the drowsiness.',
          ],
          source: `${SOURCES.spravato_driving.citation}; ${SOURCES.discharge_general.citation}; Ref §11 interactions: CNS depressants incl. alcohol increase sedation (Spravato label 7.1)`,
        },
        {
          title: 'Whom to call',
          lines: [
            phone === null ? 'Call the clinic on its usual number if you feel unwell or have questions.' : `Clinic: ${phone}.`,
            ...(profile.content.emergencyContact === null ? [] : profile.content.emergencyContact.split('\n')),
            'In an emergency — chest pain, severe headache, trouble breathing, fainting — call your local emergency number now.',
          ],
          source: null,
        },
      ],
      nextAppointment: next === undefined ? null : { date: localOf(next.startsAt, clinic.timeZone).date, time: localOf(next.startsAt, clinic.timeZone).time, type: next.type },
    };
  },
});
