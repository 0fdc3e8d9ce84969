-- Windows up to 7 days are judged from stored data (issue 13): each per-minute rollup keeps how many
-- runs were available (UP or DEGRADED) and the compressed HdrHistograms (base64) of the successful
-- runs' durations and of each named timing ("connect:<base64>;query:<base64>"), so minutes merge
-- exactly. Rollups of the previous release carry their counts forward (available = samples - failures,
-- the only rule that release had); without a histogram their successful runs are read as slow as the
-- minute's slowest run, and they hold no named timings.
alter table probe_rollup add column available integer;
update probe_rollup set available = samples - failures;
alter table probe_rollup alter column available set not null;
alter table probe_rollup add column latency_histogram varchar;
alter table probe_rollup add column timing_histograms varchar;
