CREATE TABLE "outcome_summary_state" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"rules_key" text NOT NULL,
	"built_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_outcome_summaries" (
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"route" text NOT NULL,
	"indication" text,
	"prescriber_id" uuid,
	"first_dose_at" timestamp with time zone NOT NULL,
	"baseline" integer,
	"latest" integer,
	"last_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"origin" timestamp with time zone,
	"relapse_at" timestamp with time zone,
	"relapse_last_at" timestamp with time zone,
	CONSTRAINT "patient_outcome_summaries_patient_id_instrument_pk" PRIMARY KEY("patient_id","instrument")
);
--> statement-breakpoint
ALTER TABLE "outcome_summary_state" ADD CONSTRAINT "outcome_summary_state_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_outcome_summaries" ADD CONSTRAINT "patient_outcome_summaries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_outcome_summaries" ADD CONSTRAINT "patient_outcome_summaries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The outcome dashboard reads one clinic's summaries for one instrument by first-dose date: every column it
-- needs is in the index, so it never reads the table.
CREATE INDEX "patient_outcome_summaries_dashboard_idx" ON "patient_outcome_summaries" ("clinic_id", "instrument", "first_dose_at")
  INCLUDE ("route", "indication", "prescriber_id", "baseline", "latest", "last_at", "responded_at", "origin", "relapse_at", "relapse_last_at");
