-- Template versions are immutable once written.
CREATE TRIGGER consent_template_versions_immutable
  BEFORE UPDATE OR DELETE ON consent_template_versions
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
-- A signed consent keeps its signature for ever; countersignature and withdrawal are each set once.
CREATE OR REPLACE FUNCTION ketapath_consent_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'consents cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.patient_id, NEW.template_version_id, NEW.content_hash, NEW.signer_name, NEW.signer_relationship, NEW.signature_png, NEW.signed_at, NEW.signed_ip, NEW.signed_user_agent, NEW.presented_by)
     IS DISTINCT FROM
     (OLD.patient_id, OLD.template_version_id, OLD.content_hash, OLD.signer_name, OLD.signer_relationship, OLD.signature_png, OLD.signed_at, OLD.signed_ip, OLD.signed_user_agent, OLD.presented_by) THEN
    RAISE EXCEPTION 'a signed consent cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.countersigned_at IS NOT NULL AND (NEW.countersigned_at, NEW.countersigned_by) IS DISTINCT FROM (OLD.countersigned_at, OLD.countersigned_by) THEN
    RAISE EXCEPTION 'a countersignature cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.withdrawn_at IS NOT NULL AND (NEW.withdrawn_at, NEW.withdrawn_reason, NEW.withdrawn_recorded_by) IS DISTINCT FROM (OLD.withdrawn_at, OLD.withdrawn_reason, OLD.withdrawn_recorded_by) THEN
    RAISE EXCEPTION 'a withdrawal cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consents_guard
  BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION ketapath_consent_guard();
