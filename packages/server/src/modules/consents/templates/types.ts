export const CONSENT_KINDS = ['iv_ketamine', 'esketamine_nasal', 'im_ketamine', 'oral_ketamine'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export interface ConsentSection {
  readonly heading: string;
  /** Paragraphs of plain text. */
  readonly paragraphs: string[];
}

export interface ConsentContent {
  readonly title: string;
  readonly intro: string;
  readonly sections: ConsentSection[];
  /** Where the facts come from (shown at the end of the form). */
  readonly sources: string[];
}

export const CONSENT_KIND_LABELS: Record<ConsentKind, string> = {
  iv_ketamine: 'Intravenous (IV) ketamine',
  esketamine_nasal: 'Esketamine nasal spray (Spravato)',
  im_ketamine: 'Intramuscular (IM) ketamine',
  oral_ketamine: 'Oral or sublingual ketamine',
};

/** Which consent covers which route of the clinical core. */
export function consentKindForRoute(route: string): ConsentKind {
  switch (route) {
    case 'iv':
      return 'iv_ketamine';
    case 'im':
      return 'im_ketamine';
    case 'esketamine_nasal':
      return 'esketamine_nasal';
    default:
      return 'oral_ketamine';
  }
}
