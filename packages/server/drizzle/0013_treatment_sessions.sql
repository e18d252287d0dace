CREATE TABLE "adverse_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"term" text NOT NULL,
	"other_text" text,
	"emergency" boolean NOT NULL,
	"severity" text NOT NULL,
	"onset_at" timestamp with time zone NOT NULL,
	"action_taken" text,
	"response_given" text,
	"outcome" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "clinic_devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"chair_id" uuid,
	"token_hash" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_seen_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rems_form_submissions" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_on" date NOT NULL,
	"method" text NOT NULL,
	"confirmation_number" text,
	"submitted_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_administrations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"drug" text NOT NULL,
	"route" text NOT NULL,
	"concentration_mg_per_ml" numeric(8, 3),
	"lot" text,
	"expiry" date,
	"dose_mg" numeric(8, 2) NOT NULL,
	"volume_ml" numeric(8, 2),
	"device_number" integer,
	"started_at" timestamp with time zone NOT NULL,
	"stopped_at" timestamp with time zone,
	"container_id" uuid,
	"given_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_alerts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"reading_id" uuid,
	"code" text NOT NULL,
	"severity" text NOT NULL,
	"message" text NOT NULL,
	"field" text,
	"value" text,
	"limit" text,
	"action" text,
	"source" jsonb NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledge_note" text,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_at" timestamp with time zone,
	"notified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "session_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL,
	"amended_by" uuid NOT NULL,
	"amended_at" timestamp with time zone NOT NULL,
	"signature_method" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_assessments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"answers" jsonb NOT NULL,
	"total" numeric(6, 2) NOT NULL,
	"result" jsonb NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_transitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"from_state" text NOT NULL,
	"to_state" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL,
	"by_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "staff_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"alert_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "treatment_sessions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"plan_id" uuid,
	"route" text NOT NULL,
	"drug" text NOT NULL,
	"chair_id" uuid,
	"nurse_id" uuid,
	"state" text NOT NULL,
	"state_reason" text,
	"state_changed_at" timestamp with time zone NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	"weight_kg" numeric(6, 2),
	"predose" jsonb,
	"predose_passed_at" timestamp with time zone,
	"predose_passed_by" uuid,
	"dose" jsonb,
	"dose_started_at" timestamp with time zone,
	"dose_ended_at" timestamp with time zone,
	"rems_facts" jsonb,
	"discharge" jsonb,
	"discharged_at" timestamp with time zone,
	"discharged_by" uuid,
	"note" jsonb,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"signature_method" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vital_readings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"systolic" smallint,
	"diastolic" smallint,
	"heart_rate" smallint,
	"spo2" smallint,
	"respiratory_rate" smallint,
	"symptoms" text[],
	"source" text NOT NULL,
	"device_id" uuid,
	"entered_by" uuid,
	"worst" text,
	"voided_at" timestamp with time zone,
	"voided_by" uuid,
	"void_reason" text
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "rems_certified_on" date;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "adverse_events" ADD CONSTRAINT "adverse_events_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_devices" ADD CONSTRAINT "clinic_devices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_devices" ADD CONSTRAINT "clinic_devices_chair_id_chairs_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."chairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_devices" ADD CONSTRAINT "clinic_devices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_devices" ADD CONSTRAINT "clinic_devices_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_form_submissions" ADD CONSTRAINT "rems_form_submissions_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_form_submissions" ADD CONSTRAINT "rems_form_submissions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rems_form_submissions" ADD CONSTRAINT "rems_form_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_administrations" ADD CONSTRAINT "session_administrations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_administrations" ADD CONSTRAINT "session_administrations_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_administrations" ADD CONSTRAINT "session_administrations_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_alerts" ADD CONSTRAINT "session_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_amendments" ADD CONSTRAINT "session_amendments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_amendments" ADD CONSTRAINT "session_amendments_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_amendments" ADD CONSTRAINT "session_amendments_amended_by_users_id_fk" FOREIGN KEY ("amended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_assessments" ADD CONSTRAINT "session_assessments_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_assessments" ADD CONSTRAINT "session_assessments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_transitions" ADD CONSTRAINT "session_transitions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_transitions" ADD CONSTRAINT "session_transitions_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_transitions" ADD CONSTRAINT "session_transitions_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notices" ADD CONSTRAINT "staff_notices_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_notices" ADD CONSTRAINT "staff_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_plan_id_treatment_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."treatment_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_chair_id_chairs_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."chairs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_nurse_id_users_id_fk" FOREIGN KEY ("nurse_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_predose_passed_by_users_id_fk" FOREIGN KEY ("predose_passed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_discharged_by_users_id_fk" FOREIGN KEY ("discharged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treatment_sessions" ADD CONSTRAINT "treatment_sessions_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vital_readings" ADD CONSTRAINT "vital_readings_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "adverse_events_session_idx" ON "adverse_events" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "adverse_events_patient_idx" ON "adverse_events" USING btree ("patient_id","onset_at");--> statement-breakpoint
CREATE UNIQUE INDEX "clinic_devices_token_unique" ON "clinic_devices" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "clinic_devices_clinic_idx" ON "clinic_devices" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "session_administrations_session_idx" ON "session_administrations" USING btree ("session_id","started_at");--> statement-breakpoint
CREATE INDEX "session_alerts_session_idx" ON "session_alerts" USING btree ("session_id","raised_at");--> statement-breakpoint
CREATE INDEX "session_alerts_open_idx" ON "session_alerts" USING btree ("clinic_id","acknowledged_at");--> statement-breakpoint
CREATE INDEX "session_amendments_session_idx" ON "session_amendments" USING btree ("session_id","amended_at");--> statement-breakpoint
CREATE INDEX "session_assessments_session_idx" ON "session_assessments" USING btree ("session_id","taken_at");--> statement-breakpoint
CREATE INDEX "session_transitions_session_idx" ON "session_transitions" USING btree ("session_id","at");--> statement-breakpoint
CREATE INDEX "staff_notices_user_idx" ON "staff_notices" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notices_alert_user_unique" ON "staff_notices" USING btree ("alert_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "treatment_sessions_appointment_unique" ON "treatment_sessions" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "treatment_sessions_clinic_state_idx" ON "treatment_sessions" USING btree ("clinic_id","state");--> statement-breakpoint
CREATE INDEX "treatment_sessions_patient_idx" ON "treatment_sessions" USING btree ("patient_id","checked_in_at");--> statement-breakpoint
CREATE UNIQUE INDEX "vital_readings_client_unique" ON "vital_readings" USING btree ("session_id","client_id");--> statement-breakpoint
CREATE INDEX "vital_readings_session_time_idx" ON "vital_readings" USING btree ("session_id","taken_at");--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_administration_id_session_administrations_id_fk" FOREIGN KEY ("administration_id") REFERENCES "public"."session_administrations"("id") ON DELETE no action ON UPDATE no action;