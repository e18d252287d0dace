CREATE TABLE "clinic_counters" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"next_mrn" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_measurements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" numeric(7, 2) NOT NULL,
	"measured_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"mrn" integer NOT NULL,
	"legal_first_name" text NOT NULL,
	"legal_last_name" text NOT NULL,
	"preferred_name" text,
	"pronouns" text,
	"date_of_birth" date NOT NULL,
	"sex_at_birth" text NOT NULL,
	"gender_identity" text,
	"phone" text,
	"phone_digits" text,
	"email" text,
	"address" text,
	"emergency_contact_name" text,
	"emergency_contact_phone" text,
	"emergency_contact_relationship" text,
	"escort_name" text,
	"escort_phone" text,
	"referring_clinician" text,
	"insurance" text,
	"allergies" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"medications" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"rems_patient_id" text,
	"rems_enrolled_at" date,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinic_counters" ADD CONSTRAINT "clinic_counters_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_measurements" ADD CONSTRAINT "patient_measurements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_measurements" ADD CONSTRAINT "patient_measurements_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_measurements" ADD CONSTRAINT "patient_measurements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_measurements_patient_idx" ON "patient_measurements" USING btree ("patient_id","kind","measured_at");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_clinic_mrn_unique" ON "patients" USING btree ("clinic_id","mrn");--> statement-breakpoint
CREATE INDEX "patients_clinic_dob_idx" ON "patients" USING btree ("clinic_id","date_of_birth");--> statement-breakpoint
CREATE INDEX "patients_clinic_phone_idx" ON "patients" USING btree ("clinic_id","phone_digits");