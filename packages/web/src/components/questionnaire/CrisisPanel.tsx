export interface CrisisLine {
  readonly name: string;
  readonly number: string;
}

/** Shown at once after a positive suicide screen: who to call now. */
export function CrisisPanel({ line, clinicAlerted }: { line: CrisisLine | null; clinicAlerted: boolean }) {
  return (
    <section className="crisis" role="alert" aria-labelledby="crisis-title">
      <h2 id="crisis-title">You do not have to wait: help is available now</h2>
      <p>Some of your answers tell us you may be having thoughts of death or of hurting yourself. Please reach out now.</p>
      {line !== null ? (
        <a className="crisis-call" href={`tel:${line.number.replace(/[^0-9+]/g, '')}`}>
          Call or text {line.number}
          <span>{line.name}, any time, day or night</span>
        </a>
      ) : (
        <p className="crisis-call">Call your local emergency number or crisis line now.</p>
      )}
      <p>If you are in immediate danger, call your emergency number or go to the nearest emergency department.</p>
      {clinicAlerted && <p className="crisis-note">We have let your care team know. A clinician will contact you.</p>}
    </section>
  );
}
