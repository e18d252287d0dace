-- The audit trail is append-only: UPDATE, DELETE and TRUNCATE are rejected by the database itself.
CREATE OR REPLACE FUNCTION ketapath_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('admin', 'prescriber', 'nurse', 'front_desk'));
--> statement-breakpoint
ALTER TABLE users ADD CONSTRAINT users_status_check CHECK (status IN ('active', 'deactivated'));
--> statement-breakpoint
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('admin', 'prescriber', 'nurse', 'front_desk'));
--> statement-breakpoint
ALTER TABLE sessions ADD CONSTRAINT sessions_stage_check CHECK (stage IN ('active', 'mfa_pending', 'mfa_enrolment'));
--> statement-breakpoint
ALTER TABLE audit_events ADD CONSTRAINT audit_outcome_check CHECK (outcome IN ('success', 'failure', 'denied'));
--> statement-breakpoint
-- A chain head may only advance one event at a time and never disappear.
CREATE OR REPLACE FUNCTION ketapath_chain_head_advance_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'chain heads cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.chain_id <> OLD.chain_id OR NEW.last_seq <> OLD.last_seq + 1 THEN
    RAISE EXCEPTION 'chain head may only advance by one' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_heads_advance_only
  BEFORE UPDATE OR DELETE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION ketapath_chain_head_advance_only();
