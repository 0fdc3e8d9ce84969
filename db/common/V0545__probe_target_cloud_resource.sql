-- Issue 17: which cloud resource a probe target stands for (KIND/location/name, e.g.
-- RUN_SERVICE/us-central1/netra-backend), so the watch window and the timeline can link a probe to
-- the resource an action changes. Optional: existing targets carry forward with none (null).
alter table probe_target add column cloud_resource varchar(200);
