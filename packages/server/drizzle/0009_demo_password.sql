ALTER TABLE "clinics" ADD COLUMN "demo_password" text;--> statement-breakpoint
ALTER TABLE clinics ADD CONSTRAINT clinics_demo_password_only_demo CHECK (demo_password IS NULL OR is_demo);
