import { useQuery } from '@tanstack/react-query';
import type { LedgerContainerDto, LedgerEntryDto } from '@ketapath/server/contracts';
import { api } from '../../api/client';
import { can, type ActiveSession } from '../../api/session';
import { ErrorAlert } from '../ErrorAlert';
import { Dialog } from './Dialog';
import { Summary } from './MovementDialogs';
import { RegisterTable } from './RegisterTable';

export type ContainerAction = 'waste' | 'move' | 'return' | 'destroy' | 'adjust';

const ACTIONS: readonly { action: ContainerAction; label: string; needs: Parameters<typeof can>[1]; when: readonly string[] }[] = [
  { action: 'waste', label: 'Waste', needs: 'ledger.waste', when: ['in_stock'] },
  { action: 'move', label: 'Move', needs: 'ledger.transfer', when: ['in_stock'] },
  { action: 'destroy', label: 'Destroy', needs: 'ledger.destroy', when: ['in_stock'] },
  { action: 'return', label: 'Return to supplier', needs: 'ledger.return', when: ['in_stock'] },
  { action: 'adjust', label: 'Adjust balance', needs: 'ledger.adjust', when: ['in_stock', 'empty'] },
];

/** One container: what is left, every entry about it (the read is audited: it names patients), and what can be done. */
export function ContainerDialog({ container: c, session, onAction, onClose }: { container: LedgerContainerDto; session: ActiveSession; onAction: (a: ContainerAction) => void; onClose: () => void }) {
  const detail = useQuery({ queryKey: ['ledger', 'container', c.id], queryFn: () => api.get<{ container: LedgerContainerDto; entries: LedgerEntryDto[] }>(`/api/ledger/containers/${c.id}`) });
  const actions = ACTIONS.filter((a) => can(session, a.needs) && a.when.includes(c.status));
  return (
    <Dialog title={`Container #${c.no}`} onClose={onClose} wide>
      <Summary c={detail.data?.container ?? c} />
      {actions.length > 0 && (
        <div className="actions" style={{ marginBottom: '1rem' }}>
          {actions.map((a) => (
            <button key={a.action} type="button" className={a.action === 'waste' ? undefined : 'secondary'} onClick={() => onAction(a.action)}>
              {a.label}
            </button>
          ))}
        </div>
      )}
      <h3>History</h3>
      <ErrorAlert error={detail.error} />
      {detail.data !== undefined && <RegisterTable entries={detail.data.entries} timeZone={session.clinic.timeZone} />}
    </Dialog>
  );
}
