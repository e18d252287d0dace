/** Route names in plain words (mirrors the clinical core's ROUTE_LABELS). */
export const ROUTE_LABELS: Record<string, string> = {
  iv: 'IV ketamine infusion',
  im: 'IM ketamine injection',
  oral: 'Oral ketamine',
  sublingual: 'Sublingual ketamine',
  esketamine_nasal: 'Esketamine nasal spray (Spravato)',
};

export const ROUTE_OPTIONS = Object.entries(ROUTE_LABELS).map(([value, label]) => ({ value, label }));

export const CONSENT_KIND_FOR_ROUTE: Record<string, string> = {
  iv: 'iv_ketamine',
  im: 'im_ketamine',
  oral: 'oral_ketamine',
  sublingual: 'oral_ketamine',
  esketamine_nasal: 'esketamine_nasal',
};
