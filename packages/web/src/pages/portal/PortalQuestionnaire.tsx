import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CrisisPanel, type CrisisLine } from '../../components/questionnaire/CrisisPanel';
import { QuestionnaireForm, type InstrumentDto } from '../../components/questionnaire/QuestionnaireForm';
import { usePortalHome } from './portal-api';

interface Submitted {
  readonly showCrisisResources: boolean;
  readonly crisisLine: CrisisLine | null;
  readonly clinicAlerted: boolean;
}

export function PortalQuestionnaire() {
  const { instrument = '' } = useParams();
  const qc = useQueryClient();
  const home = usePortalHome();
  const def = useQuery({ queryKey: ['portal-instrument', instrument], queryFn: () => api.get<InstrumentDto>(`/api/portal/instruments/${instrument}`) });
  const [done, setDone] = useState<Submitted | null>(null);
  const due = home.data?.due.find((d) => d.instrumentId === instrument);

  if (done !== null) {
    return (
      <>
        {done.showCrisisResources && <CrisisPanel line={done.crisisLine} clinicAlerted={done.clinicAlerted} />}
        <section className="pcard">
          <h1>Thank you</h1>
          <p>Your answers have been sent to your care team.</p>
          <Link className="button" to="/portal">
            Back to my page
          </Link>
        </section>
      </>
    );
  }
  if (def.isError) {
    return <ErrorAlert error={def.error} />;
  }
  if (def.data === undefined || home.isPending) {
    return <p>Loading the questionnaire…</p>;
  }
  if (due === undefined) {
    return (
      <section className="pcard">
        <h1>{def.data.title}</h1>
        <p>This questionnaire is not due for you at the moment.</p>
        <Link to="/portal">Back to my page</Link>
      </section>
    );
  }
  return (
    <section className="pcard">
      <h1>{def.data.title}</h1>
      <QuestionnaireForm
        instrument={def.data}
        onSubmit={async (answers) => {
          const r = await api.post<Submitted>('/api/portal/questionnaires', { instrument, answers, dueKey: due.dueKey });
          setDone(r);
          window.scrollTo(0, 0);
          void qc.invalidateQueries({ queryKey: ['portal-home'] });
        }}
      />
    </section>
  );
}
