import { BookPlanPanel } from '../../components/schedule/BookPlanPanel';

/** The plan's "book the sessions" step (the booking panel belongs to the scheduling screens). */
export function PlanBooking({ patientId, planId, timeZone }: { patientId: string; planId: string; timeZone: string }) {
  return (
    <details className="panel" style={{ marginTop: '1rem' }} open>
      <summary>
        <strong>Book the sessions</strong>
      </summary>
      <BookPlanPanel patientId={patientId} planId={planId} timeZone={timeZone} />
    </details>
  );
}
