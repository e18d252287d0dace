/**
 * The record-keeping rules the ledger enforces for a clinic's jurisdiction (pure), from the clinical
 * core's jurisdiction profiles. Where a value is not confirmed (null), Ketapath takes the stricter
 * behaviour and tells the user to confirm it locally; it never makes a number up.
 */
import { JURISDICTIONS, type JurisdictionCode } from '@ketapath/clinical';
import { CONFIRM_LOCALLY, type TheftLossRules } from './deadlines';

export const CONFIRM_TEXT = 'Not confirmed for your jurisdiction: confirm with your medical director/pharmacist.';

export interface Requirement<T> {
  readonly value: T;
  /** False when the jurisdiction's rule is not confirmed and Ketapath applies a stricter default. */
  readonly confirmed: boolean;
  readonly note: string;
}

export interface LedgerRules {
  readonly jurisdiction: JurisdictionCode;
  readonly jurisdictionName: string;
  readonly schedule: string;
  /** Minimum years records must be kept; null = not confirmed (Ketapath never deletes them anyway). */
  readonly retentionYears: Requirement<number | null>;
  /** Months between full inventories; null = not confirmed. */
  readonly inventoryIntervalMonths: Requirement<number | null>;
  readonly initialInventoryRequired: Requirement<boolean>;
  /** Witnesses (other than the person wasting) for partial-container waste. */
  readonly wasteWitnesses: Requirement<number>;
  /** Witnesses (other than the person destroying) for destruction of stock. */
  readonly destructionWitnesses: Requirement<number>;
  readonly theftLoss: TheftLossRules & { readonly confirmed: boolean; readonly note: string };
  readonly notes: readonly string[];
  readonly source: string;
}

/** When the witness count for routine waste is not confirmed, a second person must still witness it. */
export const DEFAULT_WASTE_WITNESSES = 1;
/** When the witness count for destruction is not confirmed, use the strictest known rule (two witnesses, as on US DEA Form 41). */
export const DEFAULT_DESTRUCTION_WITNESSES = 2;

export function isJurisdiction(code: string): code is JurisdictionCode {
  return Object.hasOwn(JURISDICTIONS, code);
}

export function ledgerRules(code: string): LedgerRules {
  const j = JURISDICTIONS[isJurisdiction(code) ? code : 'US'];
  const r = j.records;
  const retention = r.retentionYears;
  return {
    jurisdiction: j.code,
    jurisdictionName: j.name,
    schedule: j.ketamineSchedule.text,
    retentionYears: {
      value: retention,
      confirmed: retention !== null,
      note:
        retention === null
          ? `Retention period: ${CONFIRM_TEXT} Ketapath never deletes ledger records.`
          : `Keep every record at least ${retention} years (some states require longer). Ketapath never deletes ledger records.`,
    },
    inventoryIntervalMonths: {
      value: r.inventoryIntervalMonths,
      confirmed: r.inventoryIntervalMonths !== null,
      note:
        r.inventoryIntervalMonths === null
          ? `Full inventory interval: ${CONFIRM_TEXT}`
          : `A full inventory at least every ${r.inventoryIntervalMonths} months; note whether it was taken at opening or close of business.`,
    },
    initialInventoryRequired: {
      value: r.initialInventoryRequired ?? true,
      confirmed: r.initialInventoryRequired !== null,
      note: r.initialInventoryRequired === null ? `Initial inventory: ${CONFIRM_TEXT} Ketapath asks for one.` : 'Take an initial inventory on the day you first hold controlled drugs (record zero if none).',
    },
    wasteWitnesses: {
      value: r.wasteWitnessesRequired ?? DEFAULT_WASTE_WITNESSES,
      confirmed: r.wasteWitnessesRequired !== null,
      note:
        r.wasteWitnessesRequired === null
          ? `Witness for routine waste: ${CONFIRM_TEXT} Ketapath requires ${DEFAULT_WASTE_WITNESSES} witness.`
          : `Waste needs ${r.wasteWitnessesRequired} witness(es).`,
    },
    destructionWitnesses: {
      value: r.destructionWitnesses ?? DEFAULT_DESTRUCTION_WITNESSES,
      confirmed: r.destructionWitnesses !== null,
      note:
        r.destructionWitnesses === null
          ? `Witnesses for destruction: ${CONFIRM_TEXT} Ketapath requires ${DEFAULT_DESTRUCTION_WITNESSES}.`
          : `Destruction needs ${r.destructionWitnesses} witnesses who sign the record${j.code === 'US' ? ' (DEA Form 41)' : ''}.`,
    },
    theftLoss: {
      jurisdiction: j.code,
      noticeBusinessDays: r.theftLossInitialNoticeBusinessDays,
      reportDays: r.theftLossReportDays,
      confirmed: r.theftLossInitialNoticeBusinessDays !== null && r.theftLossReportDays !== null,
      note:
        r.theftLossInitialNoticeBusinessDays === null || r.theftLossReportDays === null
          ? `Theft or loss deadlines: ${CONFIRM_LOCALLY}`
          : `Theft or significant loss: written notice within ${r.theftLossInitialNoticeBusinessDays} business day of discovery, then the report within ${r.theftLossReportDays} days.`,
    },
    notes: r.notes,
    source: r.source.citation,
  };
}
