-- A signed treatment plan is never edited or deleted; a new version supersedes it.
CREATE TRIGGER treatment_plans_immutable
  BEFORE UPDATE OR DELETE ON treatment_plans
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_status_check CHECK (status IN ('booked', 'checked_in', 'completed', 'cancelled', 'no_show'));
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_time_check CHECK (ends_at > starts_at);
--> statement-breakpoint
ALTER TABLE staff_hours ADD CONSTRAINT staff_hours_weekday_check CHECK (weekday BETWEEN 0 AND 6 AND starts_at < ends_at);
--> statement-breakpoint
ALTER TABLE clinics ADD CONSTRAINT clinics_chairs_per_nurse_check CHECK (chairs_per_nurse BETWEEN 1 AND 12);
