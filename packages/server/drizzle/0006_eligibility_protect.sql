-- A signed eligibility decision is never edited or deleted; a new review supersedes it.
CREATE TRIGGER eligibility_reviews_immutable
  BEFORE UPDATE OR DELETE ON eligibility_reviews
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
ALTER TABLE eligibility_reviews ADD CONSTRAINT eligibility_decision_check CHECK (decision IN ('approved', 'approved_with_override', 'declined'));
--> statement-breakpoint
ALTER TABLE intakes ADD CONSTRAINT intakes_status_check CHECK (status IN ('draft', 'submitted'));
