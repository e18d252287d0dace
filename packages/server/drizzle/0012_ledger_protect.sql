-- Controlled-substance ledger: records are never changed or deleted (21 CFR 1304: kept at least 2 years; Ketapath keeps them for ever).
CREATE TRIGGER cs_ledger_entries_append_only
  BEFORE UPDATE OR DELETE ON cs_ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_ledger_entries_no_truncate
  BEFORE TRUNCATE ON cs_ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_chain_heads_advance_only
  BEFORE UPDATE OR DELETE ON cs_chain_heads
  FOR EACH ROW EXECUTE FUNCTION ketapath_chain_head_advance_only();
--> statement-breakpoint
CREATE TRIGGER cs_receipts_append_only
  BEFORE UPDATE OR DELETE ON cs_receipts
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_counts_append_only
  BEFORE UPDATE OR DELETE ON cs_counts
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_count_resolutions_append_only
  BEFORE UPDATE OR DELETE ON cs_count_resolutions
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_loss_reports_append_only
  BEFORE UPDATE OR DELETE ON cs_loss_reports
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER cs_tables_no_truncate
  BEFORE TRUNCATE ON cs_containers
  FOR EACH STATEMENT EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
-- A container keeps its identity for ever; only its cached balance, status and location move (with a ledger entry).
CREATE OR REPLACE FUNCTION ketapath_cs_container_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'controlled-drug containers cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.clinic_id, NEW.product_id, NEW.receipt_id, NEW.container_no, NEW.lot, NEW.expiry_date, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.clinic_id, OLD.product_id, OLD.receipt_id, OLD.container_no, OLD.lot, OLD.expiry_date, OLD.created_at) THEN
    RAISE EXCEPTION 'a container''s product, lot, expiry and number cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status IN ('returned', 'destroyed', 'lost') AND (NEW.status, NEW.balance_ug, NEW.balance_units) IS DISTINCT FROM (OLD.status, OLD.balance_ug, OLD.balance_units) THEN
    RAISE EXCEPTION 'a container that left the clinic cannot move again' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cs_containers_guard
  BEFORE UPDATE OR DELETE ON cs_containers
  FOR EACH ROW EXECUTE FUNCTION ketapath_cs_container_guard();
--> statement-breakpoint
-- A product's quantities are part of every record made with it: only its name and active flag may change.
CREATE OR REPLACE FUNCTION ketapath_cs_product_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'controlled-drug products cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.clinic_id, NEW.substance, NEW.form, NEW.code, NEW.code_system, NEW.strength_ug_per_ml, NEW.container_volume_ul, NEW.unit_label, NEW.ug_per_unit, NEW.units_per_container, NEW.container_ug)
     IS DISTINCT FROM
     (OLD.id, OLD.clinic_id, OLD.substance, OLD.form, OLD.code, OLD.code_system, OLD.strength_ug_per_ml, OLD.container_volume_ul, OLD.unit_label, OLD.ug_per_unit, OLD.units_per_container, OLD.container_ug) THEN
    RAISE EXCEPTION 'a product''s substance, code and quantities cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cs_products_guard
  BEFORE UPDATE OR DELETE ON cs_products
  FOR EACH ROW EXECUTE FUNCTION ketapath_cs_product_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION ketapath_cs_location_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'controlled-drug locations cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.clinic_id, NEW.created_at) IS DISTINCT FROM (OLD.id, OLD.clinic_id, OLD.created_at) THEN
    RAISE EXCEPTION 'a location cannot move to another clinic' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cs_locations_guard
  BEFORE UPDATE OR DELETE ON cs_locations
  FOR EACH ROW EXECUTE FUNCTION ketapath_cs_location_guard();
--> statement-breakpoint
-- A deadline task is completed once; nothing else about it changes.
CREATE OR REPLACE FUNCTION ketapath_cs_task_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'controlled-drug tasks cannot be deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.id, NEW.clinic_id, NEW.loss_report_id, NEW.kind, NEW.title, NEW.due_date, NEW.due_at, NEW.rule, NEW.created_at)
     IS DISTINCT FROM
     (OLD.id, OLD.clinic_id, OLD.loss_report_id, OLD.kind, OLD.title, OLD.due_date, OLD.due_at, OLD.rule, OLD.created_at) THEN
    RAISE EXCEPTION 'a task''s deadline cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.completed_at IS NOT NULL THEN
    RAISE EXCEPTION 'a completed task cannot be altered' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cs_tasks_guard
  BEFORE UPDATE OR DELETE ON cs_tasks
  FOR EACH ROW EXECUTE FUNCTION ketapath_cs_task_guard();
--> statement-breakpoint
ALTER TABLE cs_containers ADD CONSTRAINT cs_containers_balance_check CHECK (balance_ug >= 0 AND (balance_units IS NULL OR balance_units >= 0));
--> statement-breakpoint
ALTER TABLE cs_containers ADD CONSTRAINT cs_containers_status_check CHECK (status IN ('in_stock', 'empty', 'returned', 'destroyed', 'lost'));
--> statement-breakpoint
ALTER TABLE cs_ledger_entries ADD CONSTRAINT cs_ledger_kind_check CHECK (kind IN ('receipt', 'administration', 'waste', 'transfer', 'return', 'destruction', 'loss', 'adjustment', 'count', 'count_resolution'));
--> statement-breakpoint
ALTER TABLE cs_ledger_entries ADD CONSTRAINT cs_ledger_balance_check CHECK ((balance_ug IS NULL OR balance_ug >= 0) AND (balance_units IS NULL OR balance_units >= 0));
--> statement-breakpoint
ALTER TABLE cs_ledger_entries ADD CONSTRAINT cs_ledger_adjustment_flagged CHECK (kind <> 'adjustment' OR (flagged AND reason IS NOT NULL));
--> statement-breakpoint
ALTER TABLE cs_products ADD CONSTRAINT cs_products_form_check CHECK (
  (form = 'liquid' AND strength_ug_per_ml > 0 AND container_volume_ul > 0 AND ug_per_unit IS NULL AND units_per_container IS NULL)
  OR (form = 'unit' AND ug_per_unit > 0 AND units_per_container > 0 AND unit_label IS NOT NULL AND strength_ug_per_ml IS NULL));
--> statement-breakpoint
ALTER TABLE cs_products ADD CONSTRAINT cs_products_substance_check CHECK (substance IN ('ketamine', 'esketamine', 'other'));
--> statement-breakpoint
ALTER TABLE cs_counts ADD CONSTRAINT cs_counts_kind_check CHECK (kind IN ('routine', 'initial_inventory', 'biennial_inventory') AND (business_time IS NULL OR business_time IN ('opening', 'close')));
--> statement-breakpoint
ALTER TABLE cs_locations ADD CONSTRAINT cs_locations_kind_check CHECK (kind IN ('safe', 'cabinet', 'other'));
