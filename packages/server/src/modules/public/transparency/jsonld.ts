import { ROUTE_LABELS, type Route } from '@ketapath/clinical';
import { absoluteUrl } from '../pages/layout';
import type { ProfileContent } from '../profile/schemas';
import { decimalAmount } from './money';
import type { TransparencyInput } from './types';

const DAY_URLS: Record<ProfileContent['hours'][number]['days'][number], string> = {
  Mo: 'https://schema.org/Monday',
  Tu: 'https://schema.org/Tuesday',
  We: 'https://schema.org/Wednesday',
  Th: 'https://schema.org/Thursday',
  Fr: 'https://schema.org/Friday',
  Sa: 'https://schema.org/Saturday',
  Su: 'https://schema.org/Sunday',
};

function therapy(route: Route, pageUrl: string): Record<string, unknown> {
  const esk = route === 'esketamine_nasal';
  return {
    '@type': 'MedicalTherapy',
    '@id': `${pageUrl}#therapy-${route}`,
    name: ROUTE_LABELS[route],
    relevantSpecialty: 'https://schema.org/Psychiatric',
    drug: { '@type': 'Drug', name: esk ? 'Esketamine' : 'Ketamine', nonProprietaryName: esk ? 'esketamine' : 'ketamine' },
  };
}

const compact = (o: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0)));

/** schema.org MedicalClinic with its therapies (MedicalTherapy) and prices, from the published sections only. */
export function clinicJsonLd(input: TransparencyInput): Record<string, unknown> {
  const url = absoluteUrl(input.publicUrl, `/c/${input.clinic.slug}`);
  const c = input.content;
  const s = input.sections;
  const a = c.address;
  const routes = s.treatments.publish || s.costs.publish ? c.routesOffered : [];
  const offers = s.costs.publish
    ? c.prices.flatMap((p) =>
        p.perSessionMinor === null || !c.routesOffered.includes(p.route)
          ? []
          : [{ '@type': 'Offer', name: `${ROUTE_LABELS[p.route]}, one session`, price: decimalAmount(p.perSessionMinor), priceCurrency: c.currency, itemOffered: { '@id': `${url}#therapy-${p.route}` } }],
      )
    : [];
  return compact({
    '@context': 'https://schema.org',
    '@type': 'MedicalClinic',
    '@id': `${url}#clinic`,
    name: input.clinic.name,
    url,
    description: `Transparency page of ${input.clinic.name}: team, treatments, safety rules and costs, published from the clinic's Ketapath system.`,
    medicalSpecialty: 'https://schema.org/Psychiatric',
    ...(s.team.publish
      ? {
          address: a.street === null && a.locality === null ? undefined : compact({ '@type': 'PostalAddress', streetAddress: a.street, addressLocality: a.locality, addressRegion: a.region, postalCode: a.postalCode, addressCountry: a.country }),
          telephone: c.phone,
          email: c.email,
          sameAs: c.website === null ? undefined : [c.website],
          openingHoursSpecification: c.hours.map((h) => ({ '@type': 'OpeningHoursSpecification', dayOfWeek: h.days.map((d) => DAY_URLS[d]), opens: h.opens, closes: h.closes })),
          employee: c.team.map((m) => compact({ '@type': 'Person', name: m.name, jobTitle: m.role, description: [m.credentials, m.licence].filter((x) => x !== null).join('; ') || undefined, affiliation: m.affiliations === null ? undefined : { '@type': 'Organization', name: m.affiliations } })),
        }
      : {}),
    isAcceptingNewPatients: input.acceptsConsultationRequests ? true : undefined,
    availableService: routes.map((r) => therapy(r, url)),
    hasOfferCatalog: offers.length === 0 ? undefined : { '@type': 'OfferCatalog', name: 'Prices per session', itemListElement: offers },
  });
}
