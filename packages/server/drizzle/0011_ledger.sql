CREATE TABLE "cs_chain_heads" (
	"chain_id" uuid PRIMARY KEY NOT NULL,
	"last_seq" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_containers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"receipt_id" uuid,
	"container_no" integer NOT NULL,
	"lot" text NOT NULL,
	"expiry_date" date NOT NULL,
	"location_id" uuid NOT NULL,
	"status" text NOT NULL,
	"balance_ug" bigint NOT NULL,
	"balance_units" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_count_resolutions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"count_id" uuid NOT NULL,
	"explanation" text NOT NULL,
	"resolved_by" uuid NOT NULL,
	"resolved_at" timestamp with time zone NOT NULL,
	CONSTRAINT "cs_count_resolutions_count_id_unique" UNIQUE("count_id")
);
--> statement-breakpoint
CREATE TABLE "cs_counts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"business_time" text,
	"counted_at" timestamp with time zone NOT NULL,
	"performed_by" uuid NOT NULL,
	"witness_id" uuid NOT NULL,
	"containers" integer NOT NULL,
	"discrepancies" integer NOT NULL,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "cs_ledger_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"chain_seq" bigint NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"container_id" uuid,
	"product_id" uuid,
	"delta_ug" bigint DEFAULT 0 NOT NULL,
	"delta_ul" bigint,
	"delta_units" integer,
	"balance_ug" bigint,
	"balance_units" integer,
	"from_location_id" uuid,
	"to_location_id" uuid,
	"patient_id" uuid,
	"session_id" uuid,
	"administration_id" uuid,
	"route" text,
	"ref_type" text,
	"ref_id" uuid,
	"performed_by" uuid,
	"performed_by_name" text NOT NULL,
	"signed_with" text NOT NULL,
	"witness1_id" uuid,
	"witness1_name" text,
	"witness2_id" uuid,
	"witness2_name" text,
	"reason" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"flagged" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cs_loss_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"jurisdiction" text NOT NULL,
	"discovered_at" timestamp with time zone NOT NULL,
	"theft_type" text NOT NULL,
	"theft_type_other" text,
	"registrant_name" text NOT NULL,
	"registrant_address" text NOT NULL,
	"registrant_registration" text,
	"police_notified" boolean NOT NULL,
	"police_department" text,
	"police_report_number" text,
	"carrier_name" text,
	"tracking_number" text,
	"container_markings" text,
	"circumstances" text NOT NULL,
	"security_measures" text,
	"reported_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_products" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"substance" text NOT NULL,
	"form" text NOT NULL,
	"code" text,
	"code_system" text,
	"strength_ug_per_ml" bigint,
	"container_volume_ul" bigint,
	"unit_label" text,
	"ug_per_unit" bigint,
	"units_per_container" integer,
	"container_ug" bigint NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cs_receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"received_on" date NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_address" text NOT NULL,
	"supplier_registration" text,
	"invoice_number" text NOT NULL,
	"order_form_number" text,
	"notes" text,
	"received_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cs_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"loss_report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"due_at" timestamp with time zone,
	"rule" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"completion_reference" text
);
--> statement-breakpoint
ALTER TABLE "cs_containers" ADD CONSTRAINT "cs_containers_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_containers" ADD CONSTRAINT "cs_containers_product_id_cs_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."cs_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_containers" ADD CONSTRAINT "cs_containers_receipt_id_cs_receipts_id_fk" FOREIGN KEY ("receipt_id") REFERENCES "public"."cs_receipts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_containers" ADD CONSTRAINT "cs_containers_location_id_cs_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."cs_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_count_resolutions" ADD CONSTRAINT "cs_count_resolutions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_count_resolutions" ADD CONSTRAINT "cs_count_resolutions_count_id_cs_counts_id_fk" FOREIGN KEY ("count_id") REFERENCES "public"."cs_counts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_count_resolutions" ADD CONSTRAINT "cs_count_resolutions_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_counts" ADD CONSTRAINT "cs_counts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_counts" ADD CONSTRAINT "cs_counts_performed_by_users_id_fk" FOREIGN KEY ("performed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_counts" ADD CONSTRAINT "cs_counts_witness_id_users_id_fk" FOREIGN KEY ("witness_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_container_id_cs_containers_id_fk" FOREIGN KEY ("container_id") REFERENCES "public"."cs_containers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_product_id_cs_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."cs_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_from_location_id_cs_locations_id_fk" FOREIGN KEY ("from_location_id") REFERENCES "public"."cs_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_to_location_id_cs_locations_id_fk" FOREIGN KEY ("to_location_id") REFERENCES "public"."cs_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_performed_by_users_id_fk" FOREIGN KEY ("performed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_witness1_id_users_id_fk" FOREIGN KEY ("witness1_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_ledger_entries" ADD CONSTRAINT "cs_ledger_entries_witness2_id_users_id_fk" FOREIGN KEY ("witness2_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_locations" ADD CONSTRAINT "cs_locations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_locations" ADD CONSTRAINT "cs_locations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_loss_reports" ADD CONSTRAINT "cs_loss_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_loss_reports" ADD CONSTRAINT "cs_loss_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_products" ADD CONSTRAINT "cs_products_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_products" ADD CONSTRAINT "cs_products_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_receipts" ADD CONSTRAINT "cs_receipts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_receipts" ADD CONSTRAINT "cs_receipts_received_by_users_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_tasks" ADD CONSTRAINT "cs_tasks_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_tasks" ADD CONSTRAINT "cs_tasks_loss_report_id_cs_loss_reports_id_fk" FOREIGN KEY ("loss_report_id") REFERENCES "public"."cs_loss_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cs_tasks" ADD CONSTRAINT "cs_tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cs_containers_clinic_no_unique" ON "cs_containers" USING btree ("clinic_id","container_no");--> statement-breakpoint
CREATE INDEX "cs_containers_clinic_status_idx" ON "cs_containers" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "cs_counts_clinic_idx" ON "cs_counts" USING btree ("clinic_id","counted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "cs_ledger_chain_seq_unique" ON "cs_ledger_entries" USING btree ("clinic_id","chain_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "cs_ledger_administration_unique" ON "cs_ledger_entries" USING btree ("administration_id","container_id") WHERE "cs_ledger_entries"."administration_id" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "cs_ledger_container_idx" ON "cs_ledger_entries" USING btree ("container_id","chain_seq");--> statement-breakpoint
CREATE INDEX "cs_ledger_patient_idx" ON "cs_ledger_entries" USING btree ("clinic_id","patient_id","occurred_at");--> statement-breakpoint
CREATE INDEX "cs_ledger_product_idx" ON "cs_ledger_entries" USING btree ("clinic_id","product_id","occurred_at");--> statement-breakpoint
CREATE INDEX "cs_ledger_ref_idx" ON "cs_ledger_entries" USING btree ("ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cs_locations_clinic_name_unique" ON "cs_locations" USING btree ("clinic_id",lower("name"));--> statement-breakpoint
CREATE INDEX "cs_loss_reports_clinic_idx" ON "cs_loss_reports" USING btree ("clinic_id","discovered_at");--> statement-breakpoint
CREATE INDEX "cs_products_clinic_idx" ON "cs_products" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "cs_receipts_clinic_idx" ON "cs_receipts" USING btree ("clinic_id","received_on");--> statement-breakpoint
CREATE INDEX "cs_tasks_clinic_idx" ON "cs_tasks" USING btree ("clinic_id","completed_at");