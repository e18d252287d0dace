CREATE TABLE "patient_dose_spans" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"route" text NOT NULL,
	"first_dose_at" timestamp with time zone NOT NULL,
	"last_dose_at" timestamp with time zone NOT NULL,
	CONSTRAINT "patient_dose_spans_patient_id_route_pk" PRIMARY KEY("patient_id","route")
);
--> statement-breakpoint
ALTER TABLE "patient_dose_spans" ADD CONSTRAINT "patient_dose_spans_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_dose_spans" ADD CONSTRAINT "patient_dose_spans_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The dashboard counts one clinic's patients treated in a period from the spans that end in it or later: every
-- column it needs is in the index, so it never reads the table.
CREATE INDEX "patient_dose_spans_dashboard_idx" ON "patient_dose_spans" ("clinic_id", "last_dose_at") INCLUDE ("first_dose_at", "route", "patient_id");
--> statement-breakpoint
-- The dashboard matches a clinic's adverse events and blood-pressure alerts to their dosed sessions by merging
-- them, in session order, with this index (nothing is hashed and no session row is read).
CREATE INDEX "treatment_sessions_dashboard_id_idx" ON "treatment_sessions" ("clinic_id", "id") INCLUDE ("dose_started_at", "route", "patient_id") WHERE "dose_started_at" IS NOT NULL;
