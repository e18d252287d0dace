-- Treatment sessions: the record is never deleted; once signed it is locked (corrections are amendments).
CREATE OR REPLACE FUNCTION ketapath_session_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'treatment sessions are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a signed session is locked; record an amendment instead' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER treatment_sessions_guard
  BEFORE UPDATE OR DELETE ON treatment_sessions
  FOR EACH ROW EXECUTE FUNCTION ketapath_session_guard();
--> statement-breakpoint
-- Nothing is added to a signed session's record (its children check the parent).
CREATE OR REPLACE FUNCTION ketapath_session_child_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'P0001';
  END IF;
  IF EXISTS (SELECT 1 FROM treatment_sessions s WHERE s.id = NEW.session_id AND s.signed_at IS NOT NULL) THEN
    RAISE EXCEPTION 'a signed session is locked; record an amendment instead' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER vital_readings_guard BEFORE INSERT OR UPDATE OR DELETE ON vital_readings FOR EACH ROW EXECUTE FUNCTION ketapath_session_child_guard();
--> statement-breakpoint
CREATE TRIGGER session_administrations_guard BEFORE INSERT OR UPDATE OR DELETE ON session_administrations FOR EACH ROW EXECUTE FUNCTION ketapath_session_child_guard();
--> statement-breakpoint
CREATE TRIGGER session_assessments_guard BEFORE INSERT OR UPDATE OR DELETE ON session_assessments FOR EACH ROW EXECUTE FUNCTION ketapath_session_child_guard();
--> statement-breakpoint
CREATE TRIGGER adverse_events_guard BEFORE INSERT OR UPDATE OR DELETE ON adverse_events FOR EACH ROW EXECUTE FUNCTION ketapath_session_child_guard();
--> statement-breakpoint
-- A reading's values never change: only the void marker may be set, once.
CREATE OR REPLACE FUNCTION ketapath_reading_values_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.voided_at IS NOT NULL OR (NEW.systolic, NEW.diastolic, NEW.heart_rate, NEW.spo2, NEW.respiratory_rate, NEW.taken_at, NEW.client_id, NEW.session_id, NEW.source)
     IS DISTINCT FROM (OLD.systolic, OLD.diastolic, OLD.heart_rate, OLD.spo2, OLD.respiratory_rate, OLD.taken_at, OLD.client_id, OLD.session_id, OLD.source) THEN
    RAISE EXCEPTION 'a vital-sign reading is never edited; void it with a reason and enter a new one' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER vital_readings_values_fixed BEFORE UPDATE ON vital_readings FOR EACH ROW EXECUTE FUNCTION ketapath_reading_values_fixed();
--> statement-breakpoint
-- Alerts: only acknowledgement and escalation change; never deleted.
CREATE OR REPLACE FUNCTION ketapath_alert_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF (NEW.code, NEW.severity, NEW.message, NEW.raised_at, NEW.session_id, NEW.reading_id) IS DISTINCT FROM (OLD.code, OLD.severity, OLD.message, OLD.raised_at, OLD.session_id, OLD.reading_id)
     OR (OLD.acknowledged_at IS NOT NULL AND NEW.acknowledged_at IS DISTINCT FROM OLD.acknowledged_at)
     OR NEW.escalation_level < OLD.escalation_level THEN
    RAISE EXCEPTION 'an alert only moves forward: acknowledged once, escalation never decreases' USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER session_alerts_guard BEFORE UPDATE OR DELETE ON session_alerts FOR EACH ROW EXECUTE FUNCTION ketapath_alert_guard();
--> statement-breakpoint
CREATE TRIGGER session_transitions_append_only BEFORE UPDATE OR DELETE ON session_transitions FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER session_amendments_append_only BEFORE UPDATE OR DELETE ON session_amendments FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER rems_form_submissions_append_only BEFORE UPDATE OR DELETE ON rems_form_submissions FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
ALTER TABLE treatment_sessions ADD CONSTRAINT treatment_sessions_state_check CHECK (state IN ('scheduled', 'checked_in', 'predose_passed', 'dosing', 'monitoring', 'ready_for_discharge', 'discharged', 'signed', 'cancelled', 'no_show', 'stopped_early'));
--> statement-breakpoint
ALTER TABLE vital_readings ADD CONSTRAINT vital_readings_source_check CHECK (source IN ('manual', 'device'));
--> statement-breakpoint
ALTER TABLE session_administrations ADD CONSTRAINT session_administrations_container_fk FOREIGN KEY (container_id) REFERENCES cs_containers(id);
--> statement-breakpoint
ALTER TABLE session_administrations ADD CONSTRAINT session_administrations_amounts_check CHECK (dose_mg > 0 AND (volume_ml IS NULL OR volume_ml > 0) AND (stopped_at IS NULL OR stopped_at >= started_at));
