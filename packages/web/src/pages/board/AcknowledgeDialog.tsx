import { useMutation } from '@tanstack/react-query';
import type { BoardTileDto, SessionAlertDto } from '@ketapath/server/contracts';
import { useId, useState, type SubmitEvent } from 'react';
import { api } from '../../api/client';
import type { TileAlert } from '../../api/board';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/schedule/Modal';

/** Acknowledge one alert by name, after confirming which patient and which alert it is. */
export function AcknowledgeDialog({ tile, alert, userName, onClose, onDone }: { tile: BoardTileDto; alert: TileAlert; userName: string; onClose: () => void; onDone: (a: SessionAlertDto) => void }) {
  const titleId = useId();
  const [note, setNote] = useState('');
  const ack = useMutation({
    mutationFn: () => api.post<SessionAlertDto>(`/api/alerts/${alert.id}/acknowledge`, note.trim() === '' ? {} : { note: note.trim() }),
    onSuccess: onDone,
  });
  function submit(e: SubmitEvent) {
    e.preventDefault();
    ack.mutate();
  }
  const where = `${tile.initials}${tile.chair === null ? '' : `, ${tile.chair.name}`}`;
  return (
    <Modal open onClose={onClose} labelledBy={titleId}>
      <form className="dialog-body" onSubmit={submit}>
        <h2 id={titleId}>Acknowledge alert for {where}?</h2>
        <div className="finding finding-block">
          <strong>{alert.message}</strong>
          {alert.limit !== undefined && alert.limit !== null && <div className="small">Limit: {alert.limit}</div>}
          {alert.action !== undefined && alert.action !== null && <div className="small">What to do: {alert.action}</div>}
        </div>
        <p>
          You acknowledge as <strong>{userName}</strong>. The alert stops escalating and the acknowledgement is recorded with your name and the time.
        </p>
        <div className="field">
          <label htmlFor={`${titleId}-note`}>What you did (optional)</label>
          <textarea id={`${titleId}-note`} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} placeholder="For example: infusion paused, blood pressure rechecked" />
        </div>
        <ErrorAlert error={ack.error} />
        <div className="actions">
          <button type="submit" disabled={ack.isPending}>
            {ack.isPending ? 'Acknowledging…' : 'Acknowledge alert'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
