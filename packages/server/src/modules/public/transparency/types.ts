import type { JurisdictionCode, ProtocolSettings, SettingKey } from '@ketapath/clinical';
import type { ProfileContent, Sections } from '../profile/schemas';
import type { PublicOutcomes } from './outcomes';

/** The consent form a patient signs for a route, as the clinic currently uses it. */
export interface ConsentSummary {
  readonly title: string;
  /** Version of the clinic's template, or null when the clinic still uses the Ketapath default. */
  readonly version: number | null;
  readonly headings: readonly string[];
  readonly routesLabel: string;
}

/** Everything the transparency page is generated from. No patient data. */
export interface TransparencyInput {
  readonly clinic: { readonly name: string; readonly slug: string; readonly jurisdiction: JurisdictionCode; readonly isDemo: boolean };
  readonly sections: Sections;
  readonly content: ProfileContent;
  readonly acceptsConsultationRequests: boolean;
  /** null when the clinic's stored protocol settings do not validate: generated parts are then withheld. */
  readonly protocol: ProtocolSettings | null;
  /** Unconfirmed settings the clinic has not set itself (shown as suggested defaults). */
  readonly unconfirmedInUse: readonly SettingKey[];
  readonly consents: readonly ConsentSummary[];
  /** Clinic-local date the page was generated. */
  readonly today: string;
  readonly publicUrl: string;
  /** The opt-in outcomes section (suppressed), or null when not published or no outcome data exists yet. */
  readonly outcomes: PublicOutcomes | null;
  /** Staff preview: show a banner and do not index. */
  readonly preview: boolean;
}
