-- Metric probes (GCP_METRIC, PROMETHEUS, issue 18): the run's value in its own column, so window
-- statistics and rollups rank it where other kinds have their duration, and a value survives a
-- restart even when the measurements text had to be shortened. Existing rows are other kinds' runs:
-- they keep no value (null), and statistics read their duration as before.
alter table probe_result add column metric_value double precision;
