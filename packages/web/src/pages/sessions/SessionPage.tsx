import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { startOutbox } from '../../api/outbox';
import { sessionKeys, useTreatmentSession } from '../../api/session-hooks';
import { useSessionLive } from '../../api/session-live';
import type { ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { AdverseEventsPanel } from './AdverseEventsPanel';
import { AlertsPanel } from './AlertsPanel';
import { AssessmentsPanel } from './AssessmentsPanel';
import { DischargeInstructionsPage } from './DischargeInstructionsPage';
import { DischargePanel } from './DischargePanel';
import { DosePanel } from './DosePanel';
import { Flowsheet } from './Flowsheet';
import { NotePanel } from './NotePanel';
import { PredosePanel } from './PredosePanel';
import { RemsPanel } from './RemsPanel';
import { SessionHeader } from './SessionHeader';
import { StateActions } from './StateActions';
import { VitalsChart } from './VitalsChart';
import { VitalsEntry } from './VitalsEntry';

const DOSED = ['dosing', 'monitoring', 'ready_for_discharge', 'discharged', 'signed', 'stopped_early'];

function SessionScreen({ me, id }: { me: ActiveSession; id: string }) {
  const qc = useQueryClient();
  const live = useSessionLive(id);
  const q = useTreatmentSession(id, live);
  useEffect(() => startOutbox(() => void qc.invalidateQueries({ queryKey: sessionKeys.one(id) })), [qc, id]);
  if (q.data === undefined) {
    return q.isError ? <ErrorAlert error={q.error} /> : <p>Loading the session…</p>;
  }
  const s = q.data;
  const tz = me.clinic.timeZone;
  const dosed = DOSED.includes(s.state) || s.doseStartedAt !== null;
  const charting = s.active;
  const closed = ['discharged', 'signed', 'stopped_early', 'cancelled', 'no_show'].includes(s.state);
  return (
    <div className="chairside">
      <SessionHeader s={s} tz={tz} />
      {q.isRefetchError && <div className="alert warn" role="status"><strong>Showing the last copy received.</strong> The server did not answer the latest refresh; readings you enter are kept on this tablet and sent when the connection returns.</div>}
      <AlertsPanel s={s} tz={tz} />
      {charting && <VitalsEntry s={s} tz={tz} />}
      {s.state === 'checked_in' && <PredosePanel s={s} me={me} tz={tz} />}
      {(s.state === 'predose_passed' || dosed) && s.state !== 'cancelled' && <DosePanel s={s} me={me} tz={tz} />}
      {(charting || s.readings.length > 0) && (
        <section className="panel" aria-labelledby="flow-h">
          <h2 id="flow-h">Vital signs</h2>
          <VitalsChart s={s} tz={tz} />
          <Flowsheet s={s} tz={tz} canVoid={charting} />
        </section>
      )}
      {(charting || s.assessments.length > 0) && <AssessmentsPanel s={s} tz={tz} canRecord={charting} />}
      {(dosed || s.adverseEvents.length > 0) && <AdverseEventsPanel s={s} tz={tz} canRecord={charting} />}
      {s.discharge !== null && s.state !== 'dosing' && dosed && <DischargePanel s={s} me={me} tz={tz} />}
      {closed && <NotePanel s={s} me={me} tz={tz} />}
      {s.rems !== null && dosed && <RemsPanel s={s} me={me} tz={tz} />}
      {charting && <StateActions s={s} />}
      <p className="small muted no-print">
        <Link to={`/patients/${s.patient.id}/sessions`}>All sessions of {s.patient.displayName}</Link>
      </p>
    </div>
  );
}

export function SessionPage({ session }: { session: ActiveSession }) {
  const { id = '' } = useParams();
  return (
    <Routes>
      <Route path="instructions" element={<DischargeInstructionsPage id={id} />} />
      <Route path="*" element={<SessionScreen me={session} id={id} />} />
    </Routes>
  );
}
