import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LedgerContainerDto, LedgerCountDto, LedgerLocationDto, LedgerProductDto, LedgerRulesDto } from '@ketapath/server/contracts';
import { api } from '../../api/client';

export interface Catalog {
  products: LedgerProductDto[];
  locations: LedgerLocationDto[];
  rules: LedgerRulesDto;
}

export interface Alerts {
  today: string;
  discrepancies: LedgerCountDto[];
  tasks: { overdue: number; dueToday: number; open: number; noDeadline: number };
  expired: LedgerContainerDto[];
  expiring: LedgerContainerDto[];
  inventory: { state: 'initial_missing' | 'ok' | 'due_soon' | 'overdue' | 'interval_unconfirmed'; lastInventoryDate: string | null; nextDueDate: string | null };
  rules: LedgerRulesDto;
}

export function useCatalog() {
  return useQuery({ queryKey: ['ledger', 'catalog'], queryFn: () => api.get<Catalog>('/api/ledger/catalog') });
}

export function useAlerts() {
  return useQuery({ queryKey: ['ledger', 'alerts'], queryFn: () => api.get<Alerts>('/api/ledger/alerts'), refetchInterval: 120_000 });
}

export function useStock(show: 'in_stock' | 'on_hand' | 'all' = 'in_stock') {
  return useQuery({ queryKey: ['ledger', 'stock', show], queryFn: () => api.get<{ containers: LedgerContainerDto[]; today: string }>(`/api/ledger/stock?show=${show}`) });
}

/** A ledger write: on success every ledger screen reloads (stock, register, alerts…). */
export function useLedgerMutation<T, V = void>(fn: (v: V) => Promise<T>, onDone?: (result: T) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (result) => {
      await qc.invalidateQueries({ queryKey: ['ledger'] });
      onDone?.(result);
    },
  });
}
