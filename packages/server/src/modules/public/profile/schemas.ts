import { ROUTES } from '@ketapath/clinical';
import { z } from 'zod';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

export const SECTION_KEYS = ['team', 'treatments', 'safety', 'costs'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_LABELS: Record<SectionKey, string> = {
  team: 'Who we are',
  treatments: 'Treatments we offer',
  safety: 'Safety',
  costs: 'Costs',
};

export const CURRENCIES = ['USD', 'GBP', 'CAD', 'AUD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

export const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour time, e.g. 09:00');

export const TeamMember = z.object({
  name: text(120).min(1, 'Enter the name'),
  role: text(120).min(1, 'Enter the role, e.g. Psychiatrist'),
  licence: optionalText(200),
  credentials: optionalText(200),
  affiliations: optionalText(300),
});

export const OpeningHours = z
  .object({
    days: z.array(z.enum(DAYS)).min(1, 'Choose at least one day').max(7),
    opens: Time,
    closes: Time,
  })
  .refine((h) => h.opens < h.closes, { message: 'Closing time must be after opening time', path: ['closes'] });

/** Money in minor units (cents, pence) so sums are exact. */
const Money = z.number().int('Enter a whole number of cents').min(0).max(100_000_000).nullable();

export const RoutePrice = z.object({
  route: z.enum(ROUTES),
  perSessionMinor: Money,
  perCourseMinor: Money,
  included: optionalText(500),
});

export const Address = z.object({
  street: optionalText(200),
  locality: optionalText(100),
  region: optionalText(100),
  postalCode: optionalText(20),
  country: optionalText(60),
});

const Url = z
  .string()
  .trim()
  .max(300)
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v))
  .refine((v) => v === null || /^https?:\/\/[^\s<>"]+$/i.test(v), { message: 'Enter a web address starting with https://' });

const Email = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((v) => (v === '' || v === undefined ? null : v))
  .refine((v) => v === null || z.email().safeParse(v).success, { message: 'Enter a valid email address' });

/** Everything a clinic enters for its public page. */
export const ProfileContent = z
  .object({
    team: z.array(TeamMember).max(40).default([]),
    address: Address.default({ street: null, locality: null, region: null, postalCode: null, country: null }),
    hours: z.array(OpeningHours).max(14).default([]),
    hoursNote: optionalText(300),
    phone: optionalText(40),
    email: Email,
    website: Url,
    emergencyContact: optionalText(600),
    emergencyEquipment: z.array(text(160).min(1)).max(40).default([]),
    emergencyProcedures: optionalText(3000),
    controlledDrugHandling: optionalText(2000),
    routesOffered: z.array(z.enum(ROUTES)).max(ROUTES.length).default([]),
    currency: z.enum(CURRENCIES).default('USD'),
    prices: z.array(RoutePrice).max(ROUTES.length).default([]),
    insuranceAccepted: z.array(text(120).min(1)).max(40).default([]),
    insuranceNotes: optionalText(1000),
    esketamineCoverageNotes: optionalText(1000),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.routesOffered).size !== c.routesOffered.length) {
      ctx.addIssue({ code: 'custom', path: ['routesOffered'], message: 'Each route only once' });
    }
    const seen = new Set<string>();
    c.prices.forEach((p, i) => {
      if (seen.has(p.route)) {
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'route'], message: 'One price entry per route' });
      }
      seen.add(p.route);
      if (!c.routesOffered.includes(p.route)) {
        ctx.addIssue({ code: 'custom', path: ['prices', i, 'route'], message: 'Add this route to the routes offered, or remove its price' });
      }
    });
  });
export type ProfileContent = z.infer<typeof ProfileContent>;

export const SectionState = z.object({ publish: z.boolean(), verifiedOn: z.iso.date().nullable() });
export type SectionState = z.infer<typeof SectionState>;
export type Sections = Record<SectionKey, SectionState>;

export const EMPTY_CONTENT: ProfileContent = ProfileContent.parse({});

export function defaultSections(): Sections {
  return { team: { publish: true, verifiedOn: null }, treatments: { publish: true, verifiedOn: null }, safety: { publish: true, verifiedOn: null }, costs: { publish: true, verifiedOn: null } };
}

/** Read stored JSON defensively: anything that no longer validates falls back to empty values. */
export function readContent(stored: unknown): ProfileContent {
  const parsed = ProfileContent.safeParse(stored);
  return parsed.success ? parsed.data : EMPTY_CONTENT;
}

export function readSections(stored: unknown): Sections {
  const out = defaultSections();
  if (stored !== null && typeof stored === 'object') {
    for (const key of SECTION_KEYS) {
      const s = SectionState.safeParse((stored as Record<string, unknown>)[key]);
      if (s.success) {
        out[key] = s.data;
      }
    }
  }
  return out;
}

export const DEFAULT_CURRENCY: Readonly<Record<string, Currency>> = { US: 'USD', UK: 'GBP', CA: 'CAD', AU: 'AUD', DE: 'EUR' };
