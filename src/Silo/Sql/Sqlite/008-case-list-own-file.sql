-- The case list moved to its own file (caselist.db, scripts in Sql/SqliteCaseList): its tables here are dropped. The
-- list is a projection of event_journal, which stays in this file, so the new file is filled from the journal by the
-- case-feed consumers at their first catch-up; nothing is lost.
DROP TABLE IF EXISTS case_list_text;
DROP TABLE IF EXISTS case_list;
DROP TABLE IF EXISTS case_list_checkpoint;
