import type { Resources } from './data';
import { STAFF_ROLE_SHORT } from './data';

const ROLE_ORDER: Record<string, number> = { nurse: 0, prescriber: 1, admin: 2, front_desk: 3 };

/** Staff for pickers: nurses first, then prescribers, then everyone else, with the role in words. */
export function staffOptions(r: Resources, empty: string): { value: string; label: string }[] {
  const sorted = [...r.staff].sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9) || a.name.localeCompare(b.name));
  return [{ value: '', label: empty }, ...sorted.map((s) => ({ value: s.userId, label: `${s.name} (${STAFF_ROLE_SHORT[s.role] ?? s.role})` }))];
}

/** Active chairs and rooms in their set order (plus the current one, even if it was taken out of use). */
export function chairOptions(r: Resources, empty: string, current?: string | null): { value: string; label: string }[] {
  const list = r.chairs.filter((c) => c.active || c.id === current);
  return [{ value: '', label: empty }, ...list.map((c) => ({ value: c.id, label: `${c.name}${c.kind === 'room' ? ' (room)' : ''}${c.active ? '' : ' (not in use)'}` }))];
}
