-- Cases run on the workflow engine: every service item binds a published
-- process (by key; a case runs on the version that was latest when it was
-- accepted), and a case records its process instance. The fixed approval
-- task of the foundation is replaced by the engine's tasks (wf_tasks).
ALTER TABLE service_items ADD COLUMN process_key text;
ALTER TABLE cases ADD COLUMN process_instance_id uuid;
DROP TABLE tasks;
