#!/usr/bin/env bash
# Cost per probe, deployment against deployment (docs/benchmarks.md, "Cost per probe"). Needs Debian's
# nginx, prometheus, prometheus-blackbox-exporter and apache2-utils, and PostgreSQL on 127.0.0.1:5432.
# Usage: bench/deployment-benchmark.sh [targets=400] [seconds=60] [warmup=150] [runs=2] [deployments=h2,postgres,blackbox]
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in nginx prometheus prometheus-blackbox-exporter ab; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install nginx-light prometheus prometheus-blackbox-exporter apache2-utils"; exit 1; }
done
./mvnw -q -B -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
mkdir -p target/deployment-bench
cp target/console.jar target/deployment-bench/console.jar   # a copy: a rebuild during the run must not change what runs
exec "${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java" -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.remediation.console.bench.DeploymentBenchmark target/deployment-bench/console.jar "${1:-400}" "${2:-60}" "${3:-150}" "${4:-2}" "${5:-h2,postgres,blackbox}"
