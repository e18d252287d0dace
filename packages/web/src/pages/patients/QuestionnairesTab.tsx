import type { PatientDto } from '@ketapath/server/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { can, SESSION_KEY, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { QuestionnaireForm, type InstrumentDto } from '../../components/questionnaire/QuestionnaireForm';
import { PortalAccessPanel } from './PortalAccessPanel';
import { RiskAlertsPanel } from './RiskAlertsPanel';
import { RESPONSE_SOURCE_LABELS } from '../../lib/format';

interface ResponseDto {
  readonly id: string;
  readonly title: string;
  readonly total: number | null;
  readonly maxScore: number | null;
  readonly band: string | null;
  readonly riskLevel: string | null;
  readonly flags: readonly { code: string; severity: string; message: string }[];
  readonly completedAt: string;
  readonly source: string;
}
interface Data {
  readonly due: readonly { instrumentId: string; title: string; dueKey: string; closesAt: string | null }[];
  readonly responses: readonly ResponseDto[];
}

const ENTERABLE = [
  ['phq9', 'PHQ-9'],
  ['gad7', 'GAD-7'],
  ['qids_sr16', 'QIDS-SR16'],
  ['cssrs_screener', 'C-SSRS screener'],
  ['urinary_screen', 'Urinary-symptom screen'],
  ['misuse_check', 'Misuse check'],
] as const;

function EnterForm({ patientId, onDone }: { patientId: string; onDone: () => void }) {
  const [instrument, setInstrument] = useState<string>('phq9');
  const def = useQuery({ queryKey: ['instrument', instrument], queryFn: () => api.get<InstrumentDto>(`/api/instruments/${instrument}`) });
  return (
    <section className="panel" aria-labelledby="enter-h">
      <h2 id="enter-h">Enter a questionnaire for the patient</h2>
      <div className="field">
        <label htmlFor="inst">Questionnaire</label>
        <select id="inst" value={instrument} onChange={(e) => setInstrument(e.target.value)}>
          {ENTERABLE.map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {def.data !== undefined && <QuestionnaireForm key={instrument} instrument={def.data} submitLabel="File to the chart" onSubmit={async (answers) => { await api.post(`/api/patients/${patientId}/questionnaires`, { instrument, answers }); onDone(); }} />}
    </section>
  );
}

export function QuestionnairesTab({ session, patient }: { session: ActiveSession; patient: PatientDto }) {
  const qc = useQueryClient();
  const [entering, setEntering] = useState(false);
  const [handOverError, setHandOverError] = useState<unknown>(null);
  const clinical = can(session, 'questionnaire.read');
  // The server locks this session to the patient (every tab of this browser) until staff take it back.
  const handOver = async () => {
    try {
      await api.post(`/api/patients/${patient.id}/tablet/hand-over`);
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
    } catch (err) {
      setHandOverError(err);
    }
  };
  const q = useQuery({ queryKey: ['questionnaires', patient.id], queryFn: () => api.get<Data>(`/api/patients/${patient.id}/questionnaires`), enabled: clinical });
  const refresh = () => {
    setEntering(false);
    void qc.invalidateQueries({ queryKey: ['questionnaires', patient.id] });
    void qc.invalidateQueries({ queryKey: ['risk-alerts'] });
  };
  return (
    <>
      {can(session, 'risk_alert.read') && <RiskAlertsPanel patientId={patient.id} canAck={can(session, 'risk_alert.acknowledge')} />}
      <section className="panel" aria-labelledby="due-h">
        <h2 id="due-h">Due now</h2>
        {q.isError && <ErrorAlert error={q.error} />}
        {q.data !== undefined && (q.data.due.length === 0 ? <p className="muted">Nothing due from the treatment plan’s measurement plan.</p> : (
          <ul>
            {q.data.due.map((d) => (
              <li key={d.dueKey}>
                <strong>{d.title}</strong>
                {d.closesAt !== null && <span className="muted"> · before {new Date(d.closesAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</span>}
              </li>
            ))}
          </ul>
        ))}
        {handOverError !== null && <ErrorAlert error={handOverError} />}
        <div className="actions">
          {can(session, 'questionnaire.tablet') && (
            <button type="button" onClick={() => void handOver()} disabled={clinical && q.data?.due.length === 0}>
              Hand the tablet to the patient
            </button>
          )}
          {can(session, 'questionnaire.record') && (
            <button type="button" className="secondary" onClick={() => setEntering(!entering)}>
              {entering ? 'Cancel' : 'Enter on the patient’s behalf'}
            </button>
          )}
        </div>
      </section>
      {entering && <EnterForm patientId={patient.id} onDone={refresh} />}
      {clinical && <section className="panel" aria-labelledby="res-h">
        <h2 id="res-h">Results</h2>
        {q.data !== undefined && q.data.responses.length === 0 && <p className="muted">No questionnaires completed yet.</p>}
        {q.data !== undefined && q.data.responses.length > 0 && (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Completed</th>
                  <th scope="col">Questionnaire</th>
                  <th scope="col">Score</th>
                  <th scope="col">Band</th>
                  <th scope="col">Flags</th>
                  <th scope="col">How</th>
                </tr>
              </thead>
              <tbody>
                {q.data.responses.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{new Date(r.completedAt).toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' })}</td>
                    <td>{r.title}</td>
                    <td>{r.total === null || r.riskLevel !== null ? (r.riskLevel ?? '—') : <>{r.total}{r.maxScore !== null && <span className="muted">/{r.maxScore}</span>}</>}</td>
                    <td>{r.band ?? '—'}</td>
                    <td>{r.flags.length === 0 ? '—' : r.flags.map((f) => <span key={f.code} className={`badge ${f.severity === 'stop' || f.code.startsWith('PHQ9_ITEM9') ? 'danger' : 'warn'}`} title={f.message}>{f.message}</span>)}</td>
                    <td>{RESPONSE_SOURCE_LABELS[r.source] ?? r.source}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>}
      <PortalAccessPanel patient={patient} canInvite={can(session, 'portal.invite')} />
    </>
  );
}
