import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { chairs, appointments } from './scheduling';
import { clinics } from './clinics';
import { patients } from './patients';
import { treatmentPlans } from './plans';
import { users } from './users';

/**
 * One treatment session: created at check-in from a treatment appointment, walked through the state
 * machine of the clinical core, signed (then locked by trigger: corrections are amendments).
 */
export const treatmentSessions = pgTable(
  'treatment_sessions',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    planId: uuid('plan_id').references(() => treatmentPlans.id),
    route: text('route').notNull(),
    drug: text('drug').notNull(),
    chairId: uuid('chair_id').references(() => chairs.id),
    nurseId: uuid('nurse_id').references(() => users.id),
    state: text('state').notNull(),
    stateReason: text('state_reason'),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    /** Today's weight (kg) the dose was recomputed from. */
    weightKg: numeric('weight_kg', { precision: 6, scale: 2, mode: 'number' }),
    /** Pre-dose answers, the clinical core's checklist result, and overrides with their prescriber. */
    predose: jsonb('predose'),
    predosePassedAt: timestamp('predose_passed_at', { withTimezone: true }),
    predosePassedBy: uuid('predose_passed_by').references(() => users.id),
    /** The dose recomputed at the chair: summary, working, detail, findings. */
    dose: jsonb('dose'),
    doseStartedAt: timestamp('dose_started_at', { withTimezone: true }),
    doseEndedAt: timestamp('dose_ended_at', { withTimezone: true }),
    /** REMS form facts not found elsewhere (concomitant medicines, ready-to-leave minutes). */
    remsFacts: jsonb('rems_facts'),
    /** Discharge checklist answers, the clinical core's result, and any prescriber override. */
    discharge: jsonb('discharge'),
    dischargedAt: timestamp('discharged_at', { withTimezone: true }),
    dischargedBy: uuid('discharged_by').references(() => users.id),
    /** The note as signed: assembled from the record at signing time. */
    note: jsonb('note'),
    signedBy: uuid('signed_by').references(() => users.id),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signatureMethod: text('signature_method'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('treatment_sessions_appointment_unique').on(t.appointmentId),
    index('treatment_sessions_clinic_state_idx').on(t.clinicId, t.state),
    index('treatment_sessions_patient_idx').on(t.patientId, t.checkedInAt),
    index('treatment_sessions_clinic_dose_idx').on(t.clinicId, t.doseStartedAt),
    // The outcome dashboard counts sessions from these alone (index-only): per route and week, and a patient's in a
    // period. Its adverse events and alerts are matched to sessions through treatment_sessions_dashboard_id_idx
    // (clinic, id) INCLUDE (dose start, route, patient), written by hand in migration 0023 (INCLUDE columns).
    index('treatment_sessions_dashboard_route_idx').on(t.clinicId, t.route, t.doseStartedAt).where(sql`${t.doseStartedAt} IS NOT NULL`),
    index('treatment_sessions_dashboard_patient_idx').on(t.clinicId, t.patientId, t.doseStartedAt, t.route).where(sql`${t.doseStartedAt} IS NOT NULL`),
  ],
);

/** Every state change, append-only. */
export const sessionTransitions = pgTable(
  'session_transitions',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
  },
  (t) => [index('session_transitions_session_idx').on(t.sessionId, t.at)],
);

/** Registered monitors and gateways; the token is shown once and only its SHA-256 is stored. */
export const clinicDevices = pgTable(
  'clinic_devices',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    name: text('name').notNull(),
    chairId: uuid('chair_id').references(() => chairs.id),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('clinic_devices_token_unique').on(t.tokenHash), index('clinic_devices_clinic_idx').on(t.clinicId)],
);

/**
 * Vital-sign readings. `client_id` is generated where the reading is taken (tablet or device), so a retry
 * never stores it twice. Never deleted; a reading entered in error is voided with a reason.
 */
export const vitalReadings = pgTable(
  'vital_readings',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    clientId: text('client_id').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    systolic: smallint('systolic'),
    diastolic: smallint('diastolic'),
    heartRate: smallint('heart_rate'),
    spo2: smallint('spo2'),
    respiratoryRate: smallint('respiratory_rate'),
    symptoms: text('symptoms').array(),
    source: text('source').notNull(),
    deviceId: uuid('device_id'),
    enteredBy: uuid('entered_by'),
    /** Worst severity the clinical core gave this reading (null = within limits). */
    worst: text('worst'),
    voidedAt: timestamp('voided_at', { withTimezone: true }),
    voidedBy: uuid('voided_by'),
    voidReason: text('void_reason'),
  },
  (t) => [uniqueIndex('vital_readings_client_unique').on(t.sessionId, t.clientId), index('vital_readings_session_time_idx').on(t.sessionId, t.takenAt)],
);

/** Findings on readings (and unacknowledged-alert escalations), acknowledged by a named person. */
export const sessionAlerts = pgTable(
  'session_alerts',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    readingId: uuid('reading_id'),
    code: text('code').notNull(),
    severity: text('severity').notNull(),
    message: text('message').notNull(),
    field: text('field'),
    value: text('value'),
    limit: text('limit'),
    action: text('action'),
    source: jsonb('source').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgeNote: text('acknowledge_note'),
    escalationLevel: smallint('escalation_level').notNull().default(0),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
  },
  (t) => [index('session_alerts_session_idx').on(t.sessionId, t.raisedAt), index('session_alerts_open_idx').on(t.clinicId, t.acknowledgedAt)],
);

/** What was given: the drug and its lot, and (esketamine) each device. Linked to the controlled-substance register. */
export const sessionAdministrations = pgTable(
  'session_administrations',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    drug: text('drug').notNull(),
    route: text('route').notNull(),
    concentrationMgPerMl: numeric('concentration_mg_per_ml', { precision: 8, scale: 3, mode: 'number' }),
    lot: text('lot'),
    expiry: date('expiry', { mode: 'string' }),
    doseMg: numeric('dose_mg', { precision: 8, scale: 2, mode: 'number' }).notNull(),
    volumeMl: numeric('volume_ml', { precision: 8, scale: 2, mode: 'number' }),
    /** Esketamine: 1, 2, 3 for each device. */
    deviceNumber: integer('device_number'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
    containerId: uuid('container_id'),
    givenBy: uuid('given_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_administrations_session_idx').on(t.sessionId, t.startedAt)],
);

/** Sedation (MOAA/S), dissociation (CADSS) and discharge (PADSS / Aldrete) scores, scored by the clinical core. */
export const sessionAssessments = pgTable(
  'session_assessments',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    instrument: text('instrument').notNull(),
    answers: jsonb('answers').notNull(),
    total: numeric('total', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    result: jsonb('result').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('session_assessments_session_idx').on(t.sessionId, t.takenAt)],
);

export const adverseEvents = pgTable(
  'adverse_events',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    term: text('term').notNull(),
    otherText: text('other_text'),
    emergency: boolean('emergency').notNull(),
    severity: text('severity').notNull(),
    onsetAt: timestamp('onset_at', { withTimezone: true }).notNull(),
    actionTaken: text('action_taken'),
    responseGiven: text('response_given'),
    outcome: text('outcome').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('adverse_events_session_idx').on(t.sessionId), index('adverse_events_patient_idx').on(t.patientId, t.onsetAt), index('adverse_events_clinic_idx').on(t.clinicId, t.onsetAt)],
);

/** Corrections to a signed session note. Append-only: the original stays as it was signed. */
export const sessionAmendments = pgTable(
  'session_amendments',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => treatmentSessions.id),
    reason: text('reason').notNull(),
    changes: jsonb('changes').notNull(),
    amendedBy: uuid('amended_by')
      .notNull()
      .references(() => users.id),
    amendedAt: timestamp('amended_at', { withTimezone: true }).notNull(),
    signatureMethod: text('signature_method').notNull(),
  },
  (t) => [index('session_amendments_session_idx').on(t.sessionId, t.amendedAt)],
);

/** Submission of the REMS Patient Monitoring Form (the content is always rebuilt from the record; the submitted copy is kept). */
export const remsFormSubmissions = pgTable('rems_form_submissions', {
  sessionId: uuid('session_id')
    .primaryKey()
    .references(() => treatmentSessions.id),
  clinicId: uuid('clinic_id')
    .notNull()
    .references(() => clinics.id),
  content: jsonb('content').notNull(),
  submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
  method: text('method').notNull(),
  confirmationNumber: text('confirmation_number'),
  submittedBy: uuid('submitted_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
});

/** In-app notices to staff (alert escalations to the prescriber on duty), shown until read. */
export const staffNotices = pgTable(
  'staff_notices',
  {
    id: uuid('id').primaryKey(),
    clinicId: uuid('clinic_id')
      .notNull()
      .references(() => clinics.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    alertId: uuid('alert_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('staff_notices_user_idx').on(t.userId, t.readAt), uniqueIndex('staff_notices_alert_user_unique').on(t.alertId, t.userId)],
);
