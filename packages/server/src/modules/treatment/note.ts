/**
 * The session note, assembled from the record (never typed twice). The prescriber signs exactly this; the
 * signed copy is stored and locked, and later corrections are amendments shown beside it.
 */
import { ADVERSE_EVENT_TERMS, instantToLocal } from '@ketapath/clinical';
import { z } from 'zod';
import { displayName, formatMrn } from '../patients/presenters';
import { dischargeOf, doseOf, predoseOf } from './evaluate';
import { routeLabel } from './presenters';
import type { SessionBundle } from './repo';

export const NoteOut = z.object({
  title: z.string(),
  sections: z.array(z.object({ title: z.string(), lines: z.array(z.string()) })),
  vitals: z.array(z.object({ time: z.string(), bp: z.string(), heartRate: z.string(), spo2: z.string(), respiratoryRate: z.string(), by: z.string(), flag: z.string() })),
});
export type NoteOut = z.infer<typeof NoteOut>;

export function assembleNote(b: SessionBundle): NoteOut {
  const tz = b.clinic.timeZone;
  const t = (d: Date | null): string => (d === null ? '—' : instantToLocal(d.getTime(), tz).time);
  const day = instantToLocal((b.session.doseStartedAt ?? b.session.checkedInAt).getTime(), tz).date;
  const who = (id: string | null): string => (id === null ? 'Monitor' : (b.names.get(id) ?? 'Unknown user'));
  const predose = predoseOf(b);
  const dose = doseOf(b);
  const discharge = dischargeOf(b);
  const sections: NoteOut['sections'] = [];
  sections.push({
    title: 'Session',
    lines: [
      `${displayName(b.patient)} (${formatMrn(b.patient.mrn)}), born ${b.patient.dateOfBirth}.`,
      `${routeLabel(b.session.route)} — ${b.session.drug}; session ${b.earlierDosedSessions + 1} on this route.`,
      `Checked in ${t(b.session.checkedInAt)}${b.chair === null ? '' : `, ${b.chair.name}`}; monitoring nurse ${b.session.nurseId === null ? 'not assigned' : who(b.session.nurseId)}.`,
      `Outcome: ${b.session.state.replace(/_/g, ' ')}${b.session.stateReason === null ? '' : ` — ${b.session.stateReason}`}.`,
    ],
  });
  const pre: string[] = [];
  if (b.session.predosePassedAt !== null) {
    pre.push(`Pre-dose checks passed at ${t(b.session.predosePassedAt)} by ${who(b.session.predosePassedBy)}${predose?.cosignedBy === undefined ? '' : `, overrides confirmed by ${who(predose.cosignedBy)}`}.`);
  } else {
    pre.push('Pre-dose checks not completed.');
  }
  for (const o of predose?.overrides ?? []) {
    pre.push(`Override ${o.code}: ${o.reason}`);
  }
  for (const [item, text] of Object.entries(predose?.answers.explanations ?? {})) {
    if (text !== '') {
      pre.push(`Explained (${item.replace(/_/g, ' ')}): ${text}`);
    }
  }
  const meds = predose?.answers.concomitantMedications;
  if (meds !== undefined) {
    const named = Object.entries(meds).filter(([, v]) => v).map(([k]) => k.replace(/([A-Z])/g, ' $1').toLowerCase());
    pre.push(`Concomitant sedating/BP-raising medicines: ${named.length === 0 ? 'none' : named.join(', ')}.`);
  }
  sections.push({ title: 'Before the dose', lines: pre });
  const doseLines: string[] = [];
  if (dose !== null) {
    doseLines.push(`${dose.summary}${dose.weightKg === null ? '' : ` (weight ${dose.weightKg} kg)`}.`);
    doseLines.push(...dose.working);
    if (dose.changedFromPlan !== null) {
      doseLines.push(`Changed from the plan by ${who(dose.changedFromPlan.by)}: ${dose.changedFromPlan.reason}`);
    }
  }
  for (const a of b.administrations) {
    doseLines.push(
      `${a.deviceNumber === null ? 'Dose' : `Device ${a.deviceNumber}`}: ${a.doseMg} mg ${a.drug}${a.concentrationMgPerMl === null ? '' : ` ${a.concentrationMgPerMl} mg/mL`}${a.volumeMl === null ? '' : `, ${a.volumeMl} mL`}, lot ${a.lot ?? '—'}, expiry ${a.expiry ?? '—'}; ${t(a.startedAt)}${a.stoppedAt === null ? '' : `–${t(a.stoppedAt)}`}, given by ${who(a.givenBy)}.`,
    );
  }
  sections.push({ title: 'Dose', lines: doseLines.length === 0 ? ['No dose given.'] : doseLines });
  const alertLines = b.alerts.map((a) => `${t(a.raisedAt)} ${a.severity.toUpperCase()} ${a.message}${a.acknowledgedAt === null ? ' — not acknowledged' : ` — acknowledged ${t(a.acknowledgedAt)} by ${who(a.acknowledgedBy)}${a.acknowledgeNote === null ? '' : ` (${a.acknowledgeNote})`}`}${a.escalationLevel >= 2 ? '; prescriber notified' : ''}`);
  sections.push({ title: 'Alerts', lines: alertLines.length === 0 ? ['No alerts.'] : alertLines });
  const scoreLines = b.assessments.map((a) => `${t(a.takenAt)} ${a.instrument.toUpperCase()} ${a.total} (${who(a.recordedBy)})`);
  sections.push({ title: 'Sedation, dissociation and discharge scores', lines: scoreLines.length === 0 ? ['None recorded.'] : scoreLines });
  const terms = new Map(ADVERSE_EVENT_TERMS.map((x) => [x.id, x.label]));
  const aeLines = b.adverseEvents.map((e) => `${t(e.onsetAt)} ${terms.get(e.term) ?? e.term}${e.otherText === null ? '' : `: ${e.otherText}`} — ${e.severity.replace('_', '-')}${e.emergency ? ', EMERGENCY' : ''}; action: ${e.actionTaken ?? '—'}${e.responseGiven === null ? '' : `; response: ${e.responseGiven}`}; outcome: ${e.outcome.replace(/_/g, ' ')}.`);
  sections.push({ title: 'Adverse events', lines: aeLines.length === 0 ? ['None.'] : aeLines });
  const dis: string[] = [];
  if (b.session.dischargedAt !== null) {
    dis.push(`Discharged ${t(b.session.dischargedAt)} by ${who(b.session.dischargedBy)}${b.session.doseStartedAt === null ? '' : `, ${Math.floor((b.session.dischargedAt.getTime() - b.session.doseStartedAt.getTime()) / 60_000)} min after the dose started`}.`);
    if (discharge?.override !== undefined) {
      dis.push(`Discharged before all criteria were met, by prescriber override (${discharge.override.codes.join(', ')}): ${discharge.override.reason}`);
    }
    const a = discharge?.answers;
    if (a !== undefined) {
      dis.push(`Escort present: ${a.escortPresent === true ? 'yes' : 'no'}; written instructions given: ${a.instructionsGiven === true ? 'yes' : 'no'}.`);
    }
  } else {
    dis.push('Not discharged through the discharge check.');
  }
  sections.push({ title: 'Discharge', lines: dis });
  const vitals = b.readings
    .filter((r) => r.voidedAt === null)
    .map((r) => ({
      time: t(r.takenAt),
      bp: r.systolic === null ? '—' : `${r.systolic}/${r.diastolic ?? '—'}`,
      heartRate: r.heartRate === null ? '—' : String(r.heartRate),
      spo2: r.spo2 === null ? '—' : `${r.spo2}%`,
      respiratoryRate: r.respiratoryRate === null ? '—' : String(r.respiratoryRate),
      by: r.source === 'device' ? 'Monitor' : who(r.enteredBy),
      flag: r.worst ?? '',
    }));
  return { title: `Treatment session ${day}`, sections, vitals };
}
