import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SignDialog } from '../../components/SignDialog';
import { CrisisPanel, type CrisisLine } from '../../components/questionnaire/CrisisPanel';
import { QuestionnaireForm, type InstrumentDto } from '../../components/questionnaire/QuestionnaireForm';
import '../portal/portal.css';

interface TabletDue {
  readonly firstName: string;
  readonly due: readonly { instrumentId: string; title: string; dueKey: string }[];
  readonly crisisLine: CrisisLine | null;
}

/**
 * "Hand the tablet to the patient": a full-screen view locked to this patient's due questionnaires. It shows no
 * scores and no other record; handing back to staff needs the staff member's password (and code with two-step
 * sign-in), so the patient cannot open the chart.
 */
export function TabletMode({ patientId, mfa, onExit }: { patientId: string; mfa: boolean; onExit: () => void }) {
  const qc = useQueryClient();
  const due = useQuery({ queryKey: ['tablet', patientId], queryFn: () => api.get<TabletDue>(`/api/patients/${patientId}/tablet`) });
  const current = due.data?.due[0];
  const def = useQuery({ queryKey: ['instrument', current?.instrumentId], queryFn: () => api.get<InstrumentDto>(`/api/instruments/${current?.instrumentId ?? ''}`), enabled: current !== undefined });
  const [crisis, setCrisis] = useState(false);
  const [confirmExit, setConfirmExit] = useState(false);

  return (
    <div className="portal tablet-mode" role="dialog" aria-modal="true" aria-label="Questionnaires for the patient" style={{ position: 'fixed', inset: 0, zIndex: 50, overflow: 'auto' }}>
      <header className="portal-head">
        <strong>Questionnaires{due.data !== undefined && <> for {due.data.firstName}</>}</strong>
        <button type="button" className="secondary small" onClick={() => setConfirmExit(true)}>
          Hand back to staff
        </button>
      </header>
      <SignDialog
        open={confirmExit}
        title="Staff: take the tablet back"
        statement="Enter your staff password to return to the patient’s record. If you are the patient, please press “Keep going” and hand the tablet to a member of staff."
        mfa={mfa}
        submitLabel="Return to staff view"
        cancelLabel="Keep going"
        onClose={() => setConfirmExit(false)}
        onSign={async (proof) => {
          await api.post(`/api/patients/${patientId}/tablet/exit`, proof);
          setConfirmExit(false);
          onExit();
        }}
      />
      <main className="portal-main">
        {crisis && <CrisisPanel line={due.data?.crisisLine ?? null} clinicAlerted />}
        {due.isError && <ErrorAlert error={due.error} />}
        {due.data !== undefined && current === undefined && (
          <section className="pcard">
            <h1>Thank you</h1>
            <p>You have finished. Please hand the tablet back to the staff.</p>
          </section>
        )}
        {current !== undefined && def.data !== undefined && (
          <section className="pcard">
            <h1>{def.data.title}</h1>
            <QuestionnaireForm
              key={current.dueKey}
              instrument={def.data}
              submitLabel="Send my answers"
              onSubmit={async (answers) => {
                const r = await api.post<{ showCrisisResources: boolean }>(`/api/patients/${patientId}/tablet/questionnaires`, { instrument: current.instrumentId, answers, dueKey: current.dueKey });
                if (r.showCrisisResources) {
                  setCrisis(true);
                }
                window.scrollTo(0, 0);
                await qc.invalidateQueries({ queryKey: ['tablet', patientId] });
                void qc.invalidateQueries({ queryKey: ['questionnaires', patientId] });
              }}
            />
          </section>
        )}
      </main>
    </div>
  );
}
