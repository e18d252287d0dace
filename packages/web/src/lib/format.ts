/** Date and time in the clinic's time zone, so every screen shows the same clock. */
export function formatDateTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(new Date(iso));
}

export function formatDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(iso));
}

export const ROLE_LABELS: Record<string, string> = {
  admin: 'Clinic administrator',
  prescriber: 'Prescriber',
  nurse: 'Monitoring nurse',
  front_desk: 'Front desk',
};

export const JURISDICTIONS: readonly { value: string; label: string }[] = [
  { value: 'US', label: 'United States' },
  { value: 'UK', label: 'United Kingdom' },
  { value: 'CA', label: 'Canada' },
  { value: 'AU', label: 'Australia' },
  { value: 'DE', label: 'Germany / EU' },
];

/** IANA time zones for pickers; always includes UTC and the current value. */
export function timeZones(current?: string): string[] {
  const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  const list = supported.length > 0 ? supported : ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'Europe/London', 'Europe/Berlin', 'Australia/Sydney'];
  return [...new Set(['UTC', ...(current === undefined ? [] : [current]), ...list])].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

/** Today's date (YYYY-MM-DD) in the clinic's time zone. */
export function todayIn(timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

/** How a questionnaire response reached the chart (its `source`). */
export const RESPONSE_SOURCE_LABELS: Readonly<Record<string, string>> = { portal: 'Patient portal', tablet: 'Clinic tablet', clinician: 'Entered by staff', session: 'At the chair', import: 'Imported' };
