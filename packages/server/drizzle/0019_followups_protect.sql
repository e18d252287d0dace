-- Follow-up results and their reviews are part of the clinical record: never changed or deleted.
CREATE TRIGGER follow_up_results_append_only
  BEFORE UPDATE OR DELETE ON follow_up_results
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
CREATE TRIGGER follow_up_reviews_append_only
  BEFORE UPDATE OR DELETE ON follow_up_reviews
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
--> statement-breakpoint
-- The outcome dashboard reads each patient's scores of one instrument in time order: a covering index lets
-- PostgreSQL answer from the index alone (no table reads) over millions of responses.
CREATE INDEX IF NOT EXISTS questionnaire_responses_outcomes_idx
  ON questionnaire_responses (clinic_id, instrument, patient_id, completed_at) INCLUDE (total);
