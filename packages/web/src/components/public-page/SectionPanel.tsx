import type { ReactNode } from 'react';
import { formatDate } from '../../lib/format';
import type { SectionKey } from './form';

interface Props {
  readonly id: SectionKey;
  readonly title: string;
  readonly intro: string;
  readonly publish: boolean;
  readonly onPublish: (on: boolean) => void;
  readonly verifiedOn: string | null;
  readonly verify: boolean;
  readonly onVerify: (on: boolean) => void;
  readonly children: ReactNode;
}

/** One section of the public page: its content, whether it is shown, and when it was last checked. */
export function SectionPanel({ id, title, intro, publish, onPublish, verifiedOn, verify, onVerify, children }: Props) {
  return (
    <section className="panel" aria-labelledby={`sec-${id}`}>
      <h2 id={`sec-${id}`}>{title}</h2>
      <p className="muted">{intro}</p>
      <div className="checks">
        <label className="check">
          <input type="checkbox" checked={publish} onChange={(e) => onPublish(e.target.checked)} />
          Show “{title}” on the public page
        </label>
      </div>
      {children}
      <div className="alert info" style={{ marginTop: '1rem' }}>
        <strong>Last checked: {verifiedOn === null ? 'never' : formatDate(`${verifiedOn}T12:00:00Z`, 'UTC')}</strong>
        <label className="check">
          <input type="checkbox" checked={verify} onChange={(e) => onVerify(e.target.checked)} />I have checked that “{title}” is accurate today
        </label>
      </div>
    </section>
  );
}
