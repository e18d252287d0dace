import { ROUTE_LABELS, ROUTES, resolveProtocol } from '@ketapath/clinical';
import { z } from 'zod';
import type { ClinicRow } from '../../clinic/load';
import { absoluteUrl } from '../pages/layout';
import type { StoredProfile } from './repo';
import { CURRENCIES, DAYS, SECTION_KEYS, SECTION_LABELS } from './schemas';

const S = z.string();
const N = z.string().nullable();

/** Output shape of the profile content (plain types; no transforms, for serialisation and the web types). */
export const ProfileContentOut = z.object({
  team: z.array(z.object({ name: S, role: S, licence: N, credentials: N, affiliations: N })),
  address: z.object({ street: N, locality: N, region: N, postalCode: N, country: N }),
  hours: z.array(z.object({ days: z.array(z.enum(DAYS)), opens: S, closes: S })),
  hoursNote: N,
  phone: N,
  email: N,
  website: N,
  emergencyContact: N,
  emergencyEquipment: z.array(S),
  emergencyProcedures: N,
  controlledDrugHandling: N,
  routesOffered: z.array(z.enum(ROUTES)),
  currency: z.enum(CURRENCIES),
  prices: z.array(z.object({ route: z.enum(ROUTES), perSessionMinor: z.number().int().nullable(), perCourseMinor: z.number().int().nullable(), included: N })),
  insuranceAccepted: z.array(S),
  insuranceNotes: N,
  esketamineCoverageNotes: N,
});

const SectionOut = z.object({ publish: z.boolean(), verifiedOn: N, label: S });

export const PublicProfileOut = z.object({
  published: z.boolean(),
  acceptsConsultationRequests: z.boolean(),
  publishOutcomes: z.boolean(),
  sections: z.object({ team: SectionOut, treatments: SectionOut, safety: SectionOut, costs: SectionOut }),
  content: ProfileContentOut,
  publicPath: S,
  publicUrl: S,
  previewPath: S,
  updatedAt: N,
  /** The clinic's protocol settings validate (otherwise the generated sections are withheld). */
  protocolReadable: z.boolean(),
  /** Unconfirmed protocol settings still at Ketapath's suggested value (labelled as such on the page). */
  unconfirmedSettings: z.number().int(),
  routeOptions: z.array(z.object({ value: z.enum(ROUTES), label: S })),
});
export type PublicProfileOut = z.infer<typeof PublicProfileOut>;

export function presentProfile(clinic: ClinicRow, p: StoredProfile, publicUrl: string): PublicProfileOut {
  const path = `/c/${clinic.slug}`;
  const resolved = resolveProtocol(clinic.protocolOverrides);
  const sections = Object.fromEntries(SECTION_KEYS.map((k) => [k, { ...p.sections[k], label: SECTION_LABELS[k] }])) as PublicProfileOut['sections'];
  return {
    published: p.published,
    acceptsConsultationRequests: p.acceptsConsultationRequests,
    publishOutcomes: p.publishOutcomes,
    sections,
    content: p.content,
    publicPath: path,
    publicUrl: absoluteUrl(publicUrl, path),
    previewPath: `${path}/preview`,
    updatedAt: p.updatedAt === null ? null : p.updatedAt.toISOString(),
    protocolReadable: resolved.ok,
    unconfirmedSettings: resolved.ok ? resolved.unconfirmedInUse.length : 0,
    routeOptions: ROUTES.map((r) => ({ value: r, label: ROUTE_LABELS[r] })),
  };
}
