/**
 * Validation of one movement against a container's state (pure): whether it is allowed, and the exact
 * balance and status that follow. Balances can never go negative or above a full container; expired
 * containers cannot be used for patients; containers that left the clinic never move again.
 */
import type { Route } from '@ketapath/clinical';
import { describeQuantity, fail, ok, volumeOf, type ProductShape, type Quantity, type Result } from './quantity';

export const CONTAINER_STATUSES = ['in_stock', 'empty', 'returned', 'destroyed', 'lost'] as const;
export type ContainerStatus = (typeof CONTAINER_STATUSES)[number];

export const MOVEMENT_KINDS = ['receipt', 'administration', 'waste', 'transfer', 'return', 'destruction', 'loss', 'adjustment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type EntryKind = MovementKind | 'count' | 'count_resolution';

export interface ContainerState {
  readonly containerNo: number;
  readonly status: ContainerStatus;
  readonly balanceUg: number;
  readonly balanceUnits: number | null;
  readonly expiryDate: string;
  readonly locationId: string;
}

export type Move =
  | { readonly kind: 'administration'; readonly quantity: Quantity; readonly route: Route }
  | { readonly kind: 'waste'; readonly quantity: Quantity }
  | { readonly kind: 'loss'; readonly quantity: Quantity }
  | { readonly kind: 'destruction' }
  | { readonly kind: 'return' }
  | { readonly kind: 'adjustment'; readonly quantity: Quantity; readonly direction: 'add' | 'remove' }
  | { readonly kind: 'transfer'; readonly toLocationId: string; readonly toLocationActive: boolean };

export interface PlannedMovement {
  readonly deltaUg: number;
  readonly deltaUl: number | null;
  readonly deltaUnits: number | null;
  readonly balanceUg: number;
  readonly balanceUnits: number | null;
  readonly status: ContainerStatus;
  readonly fromLocationId: string | null;
  readonly toLocationId: string | null;
}

const RETIRED: readonly ContainerStatus[] = ['returned', 'destroyed', 'lost'];
const RETIRED_WORDS: Record<string, string> = { returned: 'returned to the supplier', destroyed: 'destroyed', lost: 'reported lost or stolen' };

export function isExpired(expiryDate: string, today: string): boolean {
  return expiryDate < today;
}

/** Routes a product may be given by: esketamine only nasally, racemic ketamine never nasally. */
export function routeFits(product: ProductShape, route: Route): boolean {
  if (product.substance === 'esketamine') {
    return route === 'esketamine_nasal';
  }
  if (product.substance === 'ketamine') {
    return route !== 'esketamine_nasal';
  }
  return true;
}

function label(state: ContainerState): string {
  return `Container #${state.containerNo}`;
}

function statusAfter(kind: Move['kind'], balanceUg: number): ContainerStatus {
  if (kind === 'destruction') {
    return 'destroyed';
  }
  if (kind === 'return') {
    return 'returned';
  }
  if (balanceUg === 0) {
    return kind === 'loss' ? 'lost' : 'empty';
  }
  return 'in_stock';
}

function take(product: ProductShape, state: ContainerState, q: Quantity, kind: Move['kind'], sign: -1 | 1): Result<PlannedMovement> {
  if (q.ug <= 0 || (q.units !== null && q.units <= 0)) {
    return fail('VALIDATION_FAILED', 'The amount must be above zero.');
  }
  const balanceUg = state.balanceUg + sign * q.ug;
  const balanceUnits = state.balanceUnits === null ? null : state.balanceUnits + sign * (q.units ?? 0);
  if (balanceUg < 0 || (balanceUnits !== null && balanceUnits < 0)) {
    return fail(
      'RULE_BLOCKED',
      `${label(state)} holds only ${describeQuantity(product, { ug: state.balanceUg, units: state.balanceUnits })}; ${describeQuantity(product, q)} cannot be taken from it.`,
    );
  }
  if (balanceUg > product.containerUg) {
    return fail('RULE_BLOCKED', `${label(state)} would hold more than a full container (${describeQuantity(product, { ug: product.containerUg, units: product.unitsPerContainer })}).`);
  }
  return ok({
    deltaUg: sign * q.ug,
    deltaUl: q.ul === null ? null : sign * q.ul,
    deltaUnits: q.units === null ? null : sign * q.units,
    balanceUg,
    balanceUnits,
    status: statusAfter(kind, balanceUg),
    fromLocationId: null,
    toLocationId: null,
  });
}

/** Check a movement against the container and work out the new balance and status. */
export function planMovement(product: ProductShape, state: ContainerState, move: Move, today: string): Result<PlannedMovement> {
  if (RETIRED.includes(state.status)) {
    return fail('STATE_TRANSITION_INVALID', `${label(state)} was ${RETIRED_WORDS[state.status] ?? state.status}; nothing more can be recorded against it.`);
  }
  if (state.status === 'empty' && !(move.kind === 'adjustment' && move.direction === 'add')) {
    return fail('STATE_TRANSITION_INVALID', `${label(state)} is empty.`);
  }
  switch (move.kind) {
    case 'administration':
      if (isExpired(state.expiryDate, today)) {
        return fail('RULE_BLOCKED', `${label(state)} expired on ${state.expiryDate}; it cannot be used for a patient. Waste or destroy it instead.`);
      }
      if (!routeFits(product, move.route)) {
        return fail('RULE_BLOCKED', `This product (${product.substance}) cannot be given by the route "${move.route}".`);
      }
      return take(product, state, move.quantity, move.kind, -1);
    case 'waste':
    case 'loss':
      return take(product, state, move.quantity, move.kind, -1);
    case 'adjustment':
      return take(product, state, move.quantity, move.kind, move.direction === 'add' ? 1 : -1);
    case 'destruction':
    case 'return':
      return take(product, state, { ug: state.balanceUg, ul: volumeOf(product, state.balanceUg), units: state.balanceUnits }, move.kind, -1);
    case 'transfer':
      if (move.toLocationId === state.locationId) {
        return fail('VALIDATION_FAILED', `${label(state)} is already there.`, 'toLocationId');
      }
      if (!move.toLocationActive) {
        return fail('VALIDATION_FAILED', 'That storage location is no longer in use.', 'toLocationId');
      }
      return ok({
        deltaUg: 0,
        deltaUl: null,
        deltaUnits: null,
        balanceUg: state.balanceUg,
        balanceUnits: state.balanceUnits,
        status: state.status,
        fromLocationId: state.locationId,
        toLocationId: move.toLocationId,
      });
  }
}
