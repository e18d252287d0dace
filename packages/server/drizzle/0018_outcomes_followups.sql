CREATE TABLE "follow_up_results" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"item" text NOT NULL,
	"done_on" date NOT NULL,
	"outcome" text NOT NULL,
	"summary" text,
	"session_id" uuid,
	"replaces_id" uuid,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_reviews" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"note" text NOT NULL,
	"reviewed_by" uuid NOT NULL,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "follow_up_results" ADD CONSTRAINT "follow_up_results_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_results" ADD CONSTRAINT "follow_up_results_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_results" ADD CONSTRAINT "follow_up_results_session_id_treatment_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."treatment_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_results" ADD CONSTRAINT "follow_up_results_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reviews" ADD CONSTRAINT "follow_up_reviews_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reviews" ADD CONSTRAINT "follow_up_reviews_result_id_follow_up_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."follow_up_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_reviews" ADD CONSTRAINT "follow_up_reviews_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_results_patient_idx" ON "follow_up_results" USING btree ("patient_id","item","done_on");--> statement-breakpoint
CREATE INDEX "follow_up_results_clinic_idx" ON "follow_up_results" USING btree ("clinic_id","outcome","recorded_at");--> statement-breakpoint
CREATE INDEX "follow_up_reviews_result_idx" ON "follow_up_reviews" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "treatment_plans_clinic_patient_idx" ON "treatment_plans" USING btree ("clinic_id","patient_id","version");--> statement-breakpoint
CREATE INDEX "adverse_events_clinic_idx" ON "adverse_events" USING btree ("clinic_id","onset_at");--> statement-breakpoint
CREATE INDEX "treatment_sessions_clinic_dose_idx" ON "treatment_sessions" USING btree ("clinic_id","dose_started_at");