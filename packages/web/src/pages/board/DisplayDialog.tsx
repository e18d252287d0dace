import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { api } from '../../api/client';
import { useRefreshSession } from '../../api/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Modal } from '../../components/schedule/Modal';
import { clockTime } from '../../lib/board-format';

/**
 * Confirm turning this screen into a wall display: the session then shows only the board and stays signed in
 * until its absolute limit (the server enforces both), so a screen on the wall does not sign out when idle.
 */
export function DisplayDialog({ userName, expiresAt, timeZone, onClose }: { userName: string; expiresAt: string; timeZone: string; onClose: () => void }) {
  const titleId = useId();
  const refresh = useRefreshSession();
  const start = useMutation({
    mutationFn: () => api.post<{ displayUntil: string }>('/api/board/display'),
    onSuccess: () => refresh(),
  });
  return (
    <Modal open onClose={onClose} labelledBy={titleId}>
      <div className="dialog-body">
        <h2 id={titleId}>Keep this screen on the board?</h2>
        <p>This screen becomes a wall display of the monitoring board, signed in as <strong>{userName}</strong>:</p>
        <ul>
          <li>It stays signed in without anyone touching it, until {clockTime(expiresAt, timeZone)}, when your sign-in ends.</li>
          <li>It shows only the board: no charts, and alerts cannot be acknowledged from it. Acknowledge them on a nurse’s screen.</li>
          <li>To use it for anything else, choose <strong>Sign out</strong> on the screen and sign in again.</li>
        </ul>
        <ErrorAlert error={start.error} />
        <div className="actions">
          <button type="button" disabled={start.isPending} onClick={() => start.mutate()}>
            {start.isPending ? 'Starting…' : 'Use as wall display'}
          </button>
          <button type="button" className="secondary" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </Modal>
  );
}
