-- H2 only. The identity sequence of probe_result hands out ids in blocks of 32 by default and
-- commits its new upper bound after each block; with WRITE_DELAY=0 (durable commits, see the
-- kill -9 drill) that commit writes every page the results batch has dirtied so far, ~60 times
-- per 5 s flush of 400 targets. A block of 100,000 makes it once per ~4 minutes: 3x less CPU per
-- stored result (docs/benchmarks.md, issue 14). After a crash ids skip ahead; nothing relies on
-- them being dense.
alter table probe_result alter column id set cache 100000;
