CREATE TABLE "clinic_public_profiles" (
	"clinic_id" uuid PRIMARY KEY NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"accepts_consultation_requests" boolean DEFAULT false NOT NULL,
	"publish_outcomes" boolean DEFAULT false NOT NULL,
	"sections" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "consultation_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"name" text NOT NULL,
	"contact" text NOT NULL,
	"preferred_contact" text NOT NULL,
	"message" text,
	"self_check" jsonb,
	"consent_text" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"handled_at" timestamp with time zone,
	"handled_by" uuid,
	CONSTRAINT "consultation_requests_status_check" CHECK ("consultation_requests"."status" in ('new', 'handled')),
	CONSTRAINT "consultation_requests_contact_check" CHECK ("consultation_requests"."preferred_contact" in ('phone', 'email'))
);
--> statement-breakpoint
CREATE TABLE "public_form_submissions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ip_key" text NOT NULL,
	"form" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "clinic_public_profiles" ADD CONSTRAINT "clinic_public_profiles_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clinic_public_profiles" ADD CONSTRAINT "clinic_public_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_requests" ADD CONSTRAINT "consultation_requests_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consultation_requests_clinic_idx" ON "consultation_requests" USING btree ("clinic_id","status","received_at");--> statement-breakpoint
CREATE INDEX "public_form_submissions_ip_idx" ON "public_form_submissions" USING btree ("ip_key","at");