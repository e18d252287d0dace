import { useSyncExternalStore } from 'react';

/**
 * "Hand the tablet to the patient" locks this browser tab to that patient's questionnaires until a staff member
 * re-enters their password. The lock survives a reload (session storage), so reloading does not open the chart.
 */
const KEY = 'ketapath.tabletLock';
const EVENT = 'ketapath-tablet-lock';

function read(): string | null {
  try {
    return window.sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function write(patientId: string | null): void {
  try {
    if (patientId === null) {
      window.sessionStorage.removeItem(KEY);
    } else {
      window.sessionStorage.setItem(KEY, patientId);
    }
  } catch {
    // Storage unavailable (private mode): the lock still holds until the page is reloaded.
  }
  memory = patientId;
  window.dispatchEvent(new Event(EVENT));
}

let memory: string | null = null;

function subscribe(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

/** The patient the tablet is handed to, or null when staff have it. */
export function useTabletLock(): string | null {
  return useSyncExternalStore(subscribe, () => read() ?? memory);
}

export const lockTablet = (patientId: string): void => write(patientId);
export const unlockTablet = (): void => write(null);
