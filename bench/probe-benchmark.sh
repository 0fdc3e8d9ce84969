#!/usr/bin/env bash
# Probe engine benchmark: prints figures (see docs/benchmarks.md). Needs the Debian package
# prometheus-blackbox-exporter. Usage: bench/probe-benchmark.sh  (env BENCH_SECONDS=120, BENCH_PARTS=abc, BENCH_TARGETS=2000;
# part d, the bare scheduler with results only counted, runs when BENCH_PARTS names it)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JAVA="$JAVA_HOME/bin/java"
TARGET_PORT=${TARGET_PORT:-18591}
BBE_PORT=${BBE_PORT:-18592}
"$JAVA" -cp "$CP" org.remediation.console.probe.BenchTarget "$TARGET_PORT" > /tmp/bench-target.log 2>&1 &
TARGET_PID=$!
prometheus-blackbox-exporter --config.file=/etc/prometheus/blackbox.yml --web.listen-address=127.0.0.1:$BBE_PORT \
  --log.level=error > /tmp/bench-bbe.log 2>&1 &
BBE_PID=$!
trap 'kill $TARGET_PID $BBE_PID 2>/dev/null || true' EXIT
until grep -q READY /tmp/bench-target.log; do sleep 0.2; done
until curl -s -o /dev/null "http://127.0.0.1:$BBE_PORT/metrics"; do sleep 0.2; done
"$JAVA" -Dbench.seconds="${BENCH_SECONDS:-120}" -Dbench.parts="${BENCH_PARTS:-abc}" -Dbench.targets="${BENCH_TARGETS:-2000}" -cp "$CP" org.remediation.console.probe.ProbeBenchmark \
  "$TARGET_PORT" "$BBE_PORT" "$BBE_PID"
