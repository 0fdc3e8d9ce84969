#!/usr/bin/env bash
# Several consoles on one PostgreSQL behind Debian's HAProxy, without containers (README "Several consoles
# (high availability)"; cluster/compose.yaml is the same with Docker).
#
#   cluster/local-cluster.sh start|stop|status
#
# Settings (environment), each printed by start:
#   CLUSTER_NODES        consoles to start (default 3, at most 5)
#   CLUSTER_FIRST_PORT   the first console's port; the others follow (default 8081: 8081, 8082, 8083)
#   CLUSTER_LB_PORT      HAProxy's port (default 8080)
#   CLUSTER_RUN_DIR      logs, pid files, each console's working directory (default target/cluster)
#   CLUSTER_JAVA_OPTS    JVM options of each console (default -Xmx512m)
#   CONSOLE_JAR          the packaged console (default target/console.jar: ./mvnw -DskipTests package)
#   DATABASE_URL         default jdbc:postgresql://127.0.0.1:5432/console_cluster (created if missing)
#   DATABASE_USER, DATABASE_PASSWORD, DATABASE_MIGRATION_USER, DATABASE_MIGRATION_PASSWORD (default postgres, empty)
#   CONSOLE_ADMIN_USERNAME, CONSOLE_ADMIN_PASSWORD: the first administrator (default admin and a generated
#                        password, kept in the run directory so that a restart prints the same one)
#   CONSOLE_AUDIT_KEY    one key shared by every console (default: generated once into the run directory)
# Any other console setting passes through the environment (e.g. CONSOLE_SANDBOX_OPERATIONDURATION=20s).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
NODES=${CLUSTER_NODES:-3}
FIRST_PORT=${CLUSTER_FIRST_PORT:-8081}
LB_PORT=${CLUSTER_LB_PORT:-8080}
RUN=${CLUSTER_RUN_DIR:-$ROOT/target/cluster}
JAR=${CONSOLE_JAR:-$ROOT/target/console.jar}
START_TIMEOUT=${CLUSTER_START_TIMEOUT:-240}

case "$NODES" in [1-5]) ;; *) echo "CLUSTER_NODES must be 1 to 5, not '$NODES'" >&2; exit 2 ;; esac
mkdir -p "$RUN"
RUN=$(cd "$RUN" && pwd)

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
port_of() { echo $((FIRST_PORT + $1 - 1)); }
ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null; }

find_java() { # the machine's java if it is 21+, else the newest JDK 21+ found as ./mvnw finds it
  # shellcheck source=../.mvn/jdk.sh
  . "$ROOT/.mvn/jdk.sh"
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA=$JAVA_HOME/bin/java; else JAVA=$(command -v java); fi
}

create_database() { # DATABASE_URL's database, when it is a plain jdbc:postgresql://host[:port]/name
  local rest hostport host port db owner
  rest=${DATABASE_URL#jdbc:postgresql://}
  [ "$rest" != "$DATABASE_URL" ] || { echo "DATABASE_URL must be jdbc:postgresql://…, not $DATABASE_URL" >&2; exit 2; }
  hostport=${rest%%/*}; db=${rest#*/}; db=${db%%\?*}
  host=${hostport%%:*}; port=5432; [ "$hostport" = "$host" ] || port=${hostport#*:}
  owner=${DATABASE_MIGRATION_USER:-$DATABASE_USER}
  export PGPASSWORD=${DATABASE_MIGRATION_PASSWORD:-$DATABASE_PASSWORD}
  if [ -z "$(psql -h "$host" -p "$port" -U "$owner" -d postgres -tAc "select 1 from pg_database where datname = '$db'")" ]; then
    psql -h "$host" -p "$port" -U "$owner" -d postgres -qc "create database \"$db\""
    echo "created database $db on $host:$port (owner $owner)"
  fi
  unset PGPASSWORD
}

settings() {
  export DATABASE_URL=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/console_cluster}
  export DATABASE_USER=${DATABASE_USER:-postgres}
  export DATABASE_PASSWORD=${DATABASE_PASSWORD:-}
  export DATABASE_MIGRATION_USER=${DATABASE_MIGRATION_USER:-$DATABASE_USER}
  export DATABASE_MIGRATION_PASSWORD=${DATABASE_MIGRATION_PASSWORD:-$DATABASE_PASSWORD}
  local admin_source="environment" key_source="environment"
  if [ -z "${CONSOLE_ADMIN_USERNAME-}" ]; then
    [ -s "$RUN/admin" ] || { umask 077; printf 'admin %s\n' "Cluster$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" > "$RUN/admin"; }
    read -r CONSOLE_ADMIN_USERNAME CONSOLE_ADMIN_PASSWORD < "$RUN/admin"
    admin_source="$RUN/admin"
  fi
  if [ -z "${CONSOLE_AUDIT_KEY-}" ]; then
    [ -s "$RUN/audit.key" ] || { umask 077; printf '1:%s\n' "$(head -c 32 /dev/urandom | base64)" > "$RUN/audit.key"; }
    CONSOLE_AUDIT_KEY=$(cat "$RUN/audit.key")
    key_source="$RUN/audit.key (generated once; keep it with the database)"
  fi
  export CONSOLE_ADMIN_USERNAME CONSOLE_ADMIN_PASSWORD CONSOLE_AUDIT_KEY
  echo "consoles:  $NODES, ports $(port_of 1)..$(port_of "$NODES"), java $JAVA ${CLUSTER_JAVA_OPTS:--Xmx512m}"
  echo "jar:       $JAR"
  echo "database:  $DATABASE_URL as $DATABASE_USER (migrations as $DATABASE_MIGRATION_USER)"
  echo "admin:     $CONSOLE_ADMIN_USERNAME / $CONSOLE_ADMIN_PASSWORD (from $admin_source)"
  echo "audit key: from $key_source"
  echo "balancer:  http://127.0.0.1:$LB_PORT (HAProxy, cookie CONSOLE_NODE), run directory $RUN"
}

haproxy_config() { # cluster/haproxy.cfg with one server line per console
  awk -v n="$NODES" '/^    server node1 /{ for (i = 1; i <= n; i++) printf "    server node%d \"${CONSOLE_NODE%d}\" cookie node%d\n", i, i, i; next }
                     /^    server node[0-9]/{ next } { print }' "$ROOT/cluster/haproxy.cfg" > "$RUN/haproxy.cfg"
}

start() {
  [ -f "$JAR" ] || { echo "no $JAR: build it first with ./mvnw -DskipTests package" >&2; exit 1; }
  command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || { echo "no haproxy: apt-get install haproxy" >&2; exit 1; }
  find_java
  settings
  create_database
  for i in $(seq 1 "$NODES"); do
    local port dir; port=$(port_of "$i"); dir=$RUN/node-$i
    if alive "$RUN/node-$i.pid"; then echo "node-$i already runs (pid $(cat "$RUN/node-$i.pid"))"; continue; fi
    mkdir -p "$dir"
    # shellcheck disable=SC2086 # CLUSTER_JAVA_OPTS is a list of options
    (cd "$dir" && SPRING_PROFILES_ACTIVE=postgres,cluster CONSOLE_NODE_ID=node-$i CONSOLE_NODE_ADDRESS=127.0.0.1:$port \
      exec "$JAVA" ${CLUSTER_JAVA_OPTS:--Xmx512m} -jar "$JAR" --server.port="$port" --server.address=127.0.0.1 \
        --server.forward-headers-strategy=native --console.sandbox.dns-port=0 --console.sandbox.tls-port=0 \
        --console.audit.anchor-dir="$RUN/anchors" >"$RUN/node-$i.log" 2>&1 </dev/null) &
    echo $! > "$RUN/node-$i.pid"
    echo "node-$i: pid $!, http://127.0.0.1:$port, log $RUN/node-$i.log"
  done
  haproxy_config
  if ! alive "$RUN/haproxy.pid"; then
    local nodes_env=() i
    for i in $(seq 1 "$NODES"); do nodes_env+=("CONSOLE_NODE$i=127.0.0.1:$(port_of "$i")"); done
    env CONSOLE_LB_BIND="127.0.0.1:$LB_PORT" "${nodes_env[@]}" "$(command -v haproxy || echo /usr/sbin/haproxy)" \
      -f "$RUN/haproxy.cfg" -D -p "$RUN/haproxy.pid" >"$RUN/haproxy.log" 2>&1
  fi
  local deadline=$((SECONDS + START_TIMEOUT))
  for i in $(seq 1 "$NODES"); do
    until ready "$(port_of "$i")"; do
      if ! alive "$RUN/node-$i.pid"; then
        echo "node-$i exited; from its log ($RUN/node-$i.log):" >&2
        grep -m4 -A1 -E 'Application run failed|APPLICATION FAILED|Caused by' "$RUN/node-$i.log" >&2 || tail -20 "$RUN/node-$i.log" >&2
        exit 1
      fi
      if [ $SECONDS -ge $deadline ]; then echo "node-$i not ready within ${START_TIMEOUT}s (log $RUN/node-$i.log)" >&2; exit 1; fi
      sleep 1
    done
    echo "node-$i ready"
  done
  until ready "$LB_PORT"; do
    [ $SECONDS -lt $deadline ] || { echo "HAProxy on $LB_PORT not ready (log $RUN/haproxy.log)" >&2; exit 1; }
    sleep 1
  done
  echo "cluster ready: http://127.0.0.1:$LB_PORT"
}

stop() { # SIGTERM: each console hands its work over and ends; SIGKILL after 60 s
  local f pid
  for f in "$RUN"/node-*.pid "$RUN/haproxy.pid"; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid"
      for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "stopped $(basename "$f" .pid) (pid $pid)"
    fi
    rm -f "$f"
  done
}

status() {
  local f name
  for f in "$RUN"/node-*.pid "$RUN/haproxy.pid"; do
    [ -f "$f" ] || continue
    name=$(basename "$f" .pid)
    if alive "$f"; then
      case "$name" in
        node-*) ready "$(port_of "${name#node-}")" && echo "$name: pid $(cat "$f"), ready" || echo "$name: pid $(cat "$f"), not ready" ;;
        *) echo "$name: pid $(cat "$f"), http://127.0.0.1:$LB_PORT" ;;
      esac
    else
      echo "$name: not running"
    fi
  done
}

case "${1-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
