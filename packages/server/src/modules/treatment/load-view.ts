import type { JurisdictionCode } from '@ketapath/clinical';
import type { Actor, RequestMeta } from '../../http/context';
import type { Deps } from '../../http/deps';
import type { Queryable } from '../../db/types';
import { localDateOf } from '../../lib/zoned';
import { ageOn } from '../patients/presenters';
import { clinicProtocol } from '../protocol/load';
import { loadProfile } from '../public/profile/repo';
import { evaluatePredoseFor, predoseOf, type PredoseFacts } from './evaluate';
import { consentFact, eligibilityApproved, monitoringFormRecords, patientQuestionnaires } from './facts';
import { loadBundle, type SessionBundle, type SessionRow } from './repo';
import { buildSessionView, type SessionOut, type ViewContext } from './view';

export async function predoseFactsFor(q: Queryable, b: SessionBundle, now: Date): Promise<PredoseFacts> {
  const [consent, approved, questionnaires, forms] = await Promise.all([
    consentFact(q, b.clinic.id, b.patient.id, b.session.route),
    eligibilityApproved(q, b.patient.id, b.session.route),
    patientQuestionnaires(q, b.patient.id),
    b.session.route === 'esketamine_nasal' ? monitoringFormRecords(q, { clinicId: b.clinic.id, patientId: b.patient.id }, b.clinic.timeZone) : Promise.resolve([]),
  ]);
  return {
    jurisdiction: b.clinic.jurisdiction as JurisdictionCode,
    ageYears: ageOn(b.patient.dateOfBirth, localDateOf(now, b.clinic.timeZone)),
    consent,
    eligibilityApproved: approved,
    questionnaires,
    monitoringForms: forms,
    patientEnrolled: b.patient.remsEnrolledAt !== null,
    settingCertified: b.clinic.remsCertifiedOn !== null,
  };
}

/** Everything the views need besides the bundle. */
export async function viewContext(deps: Deps, b: SessionBundle, now: Date): Promise<ViewContext> {
  const { protocol } = clinicProtocol(b.clinic);
  const [facts, profile] = await Promise.all([predoseFactsFor(deps.db, b, now), loadProfile(deps.db, b.clinic)]);
  const addr = profile.content.address;
  const address = [addr.street, addr.locality, addr.region, addr.postalCode, addr.country].filter((x): x is string => x !== null && x !== '').join(', ');
  const nurse = b.session.nurseId ?? b.session.predosePassedBy;
  return {
    protocol,
    now,
    ageYears: facts.ageYears,
    predoseFacts: facts,
    predoseResult: evaluatePredoseFor(b, predoseOf(b)?.answers ?? { explanations: {} }, facts, protocol, now),
    rems: { nurseName: nurse === null ? '' : (b.names.get(nurse) ?? ''), clinicPhone: profile.content.phone, clinicAddress: address === '' ? null : address },
  };
}

/** Load and build the full session view (the caller audits the read). */
export async function sessionView(deps: Deps, actor: Actor, meta: RequestMeta, session: SessionRow): Promise<SessionOut> {
  const now = deps.clock.now();
  const b = await loadBundle(deps, actor, meta, session);
  return buildSessionView(b, await viewContext(deps, b, now));
}
