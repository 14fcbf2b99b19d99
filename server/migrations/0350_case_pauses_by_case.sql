-- A case's pauses by case: every read of a case's clock (a command's
-- deadline, a case page, each case of a deadline recompute batch) asks for
-- them, and only the running pause had an index (case_pauses_one_running), so
-- each read scanned every pause ever recorded. A recompute batch read them
-- per case and slowed down as the pauses grew.
CREATE INDEX case_pauses_case_idx ON case_pauses (case_id, first_day);
