-- Filed questionnaire responses are part of the clinical record: never changed or deleted.
CREATE TRIGGER questionnaire_responses_append_only
  BEFORE UPDATE OR DELETE ON questionnaire_responses
  FOR EACH ROW EXECUTE FUNCTION ketapath_forbid_change();
