import type { PublicProfileDto } from '@ketapath/server/contracts';

export type Content = PublicProfileDto['content'];
export type SectionKey = keyof PublicProfileDto['sections'];
export type RouteValue = Content['routesOffered'][number];
export type Day = Content['hours'][number]['days'][number];

export const SECTION_KEYS: readonly SectionKey[] = ['team', 'treatments', 'safety', 'costs'];
export const DAYS: readonly { value: Day; label: string }[] = [
  { value: 'Mo', label: 'Mon' },
  { value: 'Tu', label: 'Tue' },
  { value: 'We', label: 'Wed' },
  { value: 'Th', label: 'Thu' },
  { value: 'Fr', label: 'Fri' },
  { value: 'Sa', label: 'Sat' },
  { value: 'Su', label: 'Sun' },
];
export const CURRENCIES: readonly Content['currency'][] = ['USD', 'GBP', 'CAD', 'AUD', 'EUR'];

/** The editable state of the page: the saved profile plus the sections ticked as checked today. */
export interface FormState {
  readonly published: boolean;
  readonly acceptsConsultationRequests: boolean;
  readonly publishOutcomes: boolean;
  readonly publish: Record<SectionKey, boolean>;
  readonly verify: readonly SectionKey[];
  readonly content: Content;
  /** Lists edited as one entry per line (kept as typed until saved). */
  readonly equipmentText: string;
  readonly insuranceText: string;
  /** Prices as typed, per route: decimal text. */
  readonly priceText: Partial<Record<RouteValue, { readonly perSession: string; readonly perCourse: string }>>;
}

export function fromProfile(p: PublicProfileDto): FormState {
  return {
    published: p.published,
    acceptsConsultationRequests: p.acceptsConsultationRequests,
    publishOutcomes: p.publishOutcomes,
    publish: { team: p.sections.team.publish, treatments: p.sections.treatments.publish, safety: p.sections.safety.publish, costs: p.sections.costs.publish },
    verify: [],
    content: p.content,
    equipmentText: p.content.emergencyEquipment.join('\n'),
    insuranceText: p.content.insuranceAccepted.join('\n'),
    priceText: Object.fromEntries(p.content.prices.map((x) => [x.route, { perSession: moneyText(x.perSessionMinor), perCourse: moneyText(x.perCourseMinor) }])),
  };
}

/** Prices that cannot be read as money, by route (shown before anything is sent). */
export function priceProblems(f: FormState): Partial<Record<RouteValue, string>> {
  const out: Partial<Record<RouteValue, string>> = {};
  for (const route of f.content.routesOffered) {
    const t = f.priceText[route];
    if (t !== undefined && (parseMoney(t.perSession) === undefined || parseMoney(t.perCourse) === undefined)) {
      out[route] = 'Enter an amount such as 450 or 450.00, or leave it empty.';
    }
  }
  return out;
}

export function toBody(f: FormState): Record<string, unknown> {
  const prices = f.content.routesOffered.map((route) => {
    const saved = f.content.prices.find((p) => p.route === route);
    const t = f.priceText[route];
    return {
      route,
      perSessionMinor: t === undefined ? (saved?.perSessionMinor ?? null) : (parseMoney(t.perSession) ?? null),
      perCourseMinor: t === undefined ? (saved?.perCourseMinor ?? null) : (parseMoney(t.perCourse) ?? null),
      included: saved?.included ?? null,
    };
  });
  return {
    published: f.published,
    acceptsConsultationRequests: f.acceptsConsultationRequests,
    publishOutcomes: f.publishOutcomes,
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, { publish: f.publish[k] }])),
    verify: f.verify,
    content: { ...f.content, prices, emergencyEquipment: linesToList(f.equipmentText), insuranceAccepted: linesToList(f.insuranceText) },
  };
}

/** "450" or "450.5" → 45050 minor units; empty → null; anything else → undefined (invalid). */
export function parseMoney(text: string): number | null | undefined {
  const t = text.trim().replace(/,/g, '');
  if (t === '') {
    return null;
  }
  if (!/^\d+(\.\d{1,2})?$/.test(t)) {
    return undefined;
  }
  return Math.round(Number(t) * 100);
}

export function moneyText(minor: number | null): string {
  return minor === null ? '' : (minor / 100).toFixed(2);
}

/** One entry per line, blank lines dropped. */
export function linesToList(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export const emptyToNull = (v: string): string | null => (v.trim() === '' ? null : v);
