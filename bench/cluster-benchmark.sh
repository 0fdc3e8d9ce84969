#!/usr/bin/env bash
# Several consoles on one PostgreSQL (docs/benchmarks.md, "Cluster (issue 20)"). Needs Debian's nginx and
# PostgreSQL on 127.0.0.1:5432 (user postgres, no password); creates and drops its own databases.
# Usage: bench/cluster-benchmark.sh [targets=10000] [warmup=60] [window=120] [nodes=3] [xmx=3g] [phases=single,cluster]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v nginx >/dev/null || { echo "missing nginx: apt-get install nginx-light"; exit 1; }
./mvnw -q -B -DskipTests package org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
# copies: a rebuild during the run must not change what runs
rm -rf target/cluster-bench && mkdir -p target/cluster-bench
cp -r target/classes target/test-classes target/console.jar target/cluster-bench/
cd target/cluster-bench
exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "classes:test-classes:$(cat ../cp.txt)" \
  org.remediation.console.bench.ClusterBenchmark console.jar "${1:-10000}" "${2:-60}" "${3:-120}" "${4:-3}" "${5:-3g}" "${6:-single,cluster}"
