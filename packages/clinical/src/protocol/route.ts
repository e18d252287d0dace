/** Routes of administration and jurisdictions (leaf module). */

export const ROUTES = ['iv', 'im', 'oral', 'sublingual', 'esketamine_nasal'] as const;
export type Route = (typeof ROUTES)[number];

/** Routes that use racemic ketamine (off-label for depression everywhere). */
export type RacemicRoute = Exclude<Route, 'esketamine_nasal'>;
export const RACEMIC_ROUTES: readonly RacemicRoute[] = ['iv', 'im', 'oral', 'sublingual'];

export function isRacemic(route: Route): route is RacemicRoute {
  return route !== 'esketamine_nasal';
}

export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  iv: 'IV racemic ketamine',
  im: 'IM racemic ketamine',
  oral: 'Oral racemic ketamine',
  sublingual: 'Sublingual racemic ketamine',
  esketamine_nasal: 'Esketamine nasal spray',
};

export const JURISDICTION_CODES = ['US', 'UK', 'CA', 'AU', 'DE'] as const;
export type JurisdictionCode = (typeof JURISDICTION_CODES)[number];
