import { addDays, JURISDICTION_CODES, resolveProtocol, type JurisdictionCode, type ProtocolSettings, type Route } from '@ketapath/clinical';
import { eq } from 'drizzle-orm';
import { clinicPublicProfiles, clinics } from '../../../db/schema';
import type { Database, Db, Queryable } from '../../../db/types';
import { localDateOf, startOfLocalDay } from '../../../lib/zoned';
import { outcomeAggregates } from '../../outcomes/aggregates';
import { buildDashboard } from '../../outcomes/dashboard';
import { SHORT_NAMES } from '../../outcomes/names';
import { publicOutcomes, type PublicOutcomes } from '../transparency/outcomes';
import { currentVersion, contentOf } from '../../consents/repo';
import { consentKindForRoute, DEFAULT_CONSENT_TEMPLATES, type ConsentKind } from '../../consents/templates';
import type { ClinicRow } from '../../clinic/load';
import type { ConsentSummary, TransparencyInput } from '../transparency/types';
import { DEFAULT_CURRENCY, EMPTY_CONTENT, readContent, readSections, type ProfileContent, type Sections } from './schemas';

/** Route names for use inside a sentence. */
export const ROUTE_NOUNS: Readonly<Record<Route, string>> = {
  iv: 'IV ketamine',
  im: 'IM ketamine',
  oral: 'oral ketamine',
  sublingual: 'sublingual ketamine',
  esketamine_nasal: 'esketamine nasal spray',
};

export interface StoredProfile {
  readonly published: boolean;
  readonly acceptsConsultationRequests: boolean;
  readonly publishOutcomes: boolean;
  readonly sections: Sections;
  readonly content: ProfileContent;
  readonly updatedAt: Date | null;
  readonly updatedBy: string | null;
}

/** A clinic's public profile, or the defaults (nothing published) when it has never saved one. */
export async function loadProfile(q: Queryable, clinic: Pick<ClinicRow, 'id' | 'jurisdiction'>): Promise<StoredProfile> {
  const [row] = await q.select().from(clinicPublicProfiles).where(eq(clinicPublicProfiles.clinicId, clinic.id));
  if (row === undefined) {
    return {
      published: false,
      acceptsConsultationRequests: false,
      publishOutcomes: false,
      sections: readSections(null),
      content: { ...EMPTY_CONTENT, currency: DEFAULT_CURRENCY[clinic.jurisdiction] ?? 'USD' },
      updatedAt: null,
      updatedBy: null,
    };
  }
  return {
    published: row.published,
    acceptsConsultationRequests: row.acceptsConsultationRequests,
    publishOutcomes: row.publishOutcomes,
    sections: readSections(row.sections),
    content: readContent(row.content),
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function clinicBySlug(q: Queryable, slug: string): Promise<ClinicRow | undefined> {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) {
    return undefined;
  }
  const [row] = await q.select().from(clinics).where(eq(clinics.slug, slug));
  return row;
}

export function jurisdictionOf(clinic: Pick<ClinicRow, 'jurisdiction'>): JurisdictionCode {
  return (JURISDICTION_CODES as readonly string[]).includes(clinic.jurisdiction) ? (clinic.jurisdiction as JurisdictionCode) : 'US';
}

/** The consent form in use for each route offered (the clinic's newest version, or the Ketapath default). */
export async function consentSummaries(q: Queryable, clinicId: string, routes: readonly Route[]): Promise<ConsentSummary[]> {
  const byKind = new Map<ConsentKind, Route[]>();
  for (const r of routes) {
    const kind = consentKindForRoute(r);
    byKind.set(kind, [...(byKind.get(kind) ?? []), r]);
  }
  const out: ConsentSummary[] = [];
  for (const [kind, rs] of byKind) {
    const v = await currentVersion(q, clinicId, kind);
    const content = v === undefined ? DEFAULT_CONSENT_TEMPLATES[kind] : contentOf(v);
    out.push({
      title: content.title,
      version: v === undefined ? null : v.version,
      headings: content.sections.map((s) => s.heading),
      routesLabel: rs.map((r) => ROUTE_NOUNS[r]).join(' or '),
    });
  }
  return out;
}

/** Everything the transparency page needs, read from the clinic's own records. */
/** The last 12 months of the clinic's outcomes, suppressed for publication (the dashboard's counts). */
async function clinicPublicOutcomes(db: Db, parallel: boolean, clinic: ClinicRow, protocol: ProtocolSettings, now: Date): Promise<PublicOutcomes | null> {
  const to = localDateOf(now, clinic.timeZone);
  const from = addDays(to, -364);
  const filter = { clinicId: clinic.id, from: startOfLocalDay(from, clinic.timeZone), to: startOfLocalDay(addDays(to, 1), clinic.timeZone), route: null, prescriberId: null };
  const { cohort, safety } = await outcomeAggregates(db, { filter: { ...filter, instrument: 'phq9' }, protocol, timeZone: clinic.timeZone, now, parallel });
  const d = buildDashboard({ filter: { from, to, route: null, prescriberId: null, instrument: 'phq9', instrumentName: SHORT_NAMES.phq9 }, instrument: 'phq9', protocol, cohort, safety, periodDays: 365 });
  return publicOutcomes(d, protocol.outcomes.responseReductionPercent);
}

export async function transparencyInput(database: Pick<Database, 'db' | 'kind'>, clinic: ClinicRow, profile: StoredProfile, now: Date, publicUrl: string, preview: boolean): Promise<TransparencyInput> {
  const q = database.db;
  const resolved = resolveProtocol(clinic.protocolOverrides);
  return {
    clinic: { name: clinic.name, slug: clinic.slug, jurisdiction: jurisdictionOf(clinic), isDemo: clinic.isDemo },
    sections: profile.sections,
    content: profile.content,
    acceptsConsultationRequests: profile.acceptsConsultationRequests,
    protocol: resolved.ok ? resolved.protocol : null,
    unconfirmedInUse: resolved.ok ? resolved.unconfirmedInUse : [],
    consents: await consentSummaries(q, clinic.id, profile.content.routesOffered),
    today: localDateOf(now, clinic.timeZone),
    publicUrl,
    preview,
    outcomes: profile.publishOutcomes && resolved.ok ? await clinicPublicOutcomes(database.db, database.kind === 'postgres', clinic, resolved.protocol, now) : null,
  };
}
