#!/usr/bin/env bash
# Fan-out + dispatch benchmark: bench/fanout.sh N [memory|file|in-hub]
# Starts the embedded store in a JVM of its own (so -Xmx512m bounds the hub alone), the hub from the fat jar
# with the sandbox, seeds N subscribers, pushes one approved item to all of them over SMS, waits until every
# delivery has its receipt, then measures the floor on the same database (FLOOR=0: not). Prints one JSON line.
# PUSHES=k pushes k items one after another and reports the last (a hub in service, JIT warm); HUB_JAVA_OPTS and
# STORE_JAVA_OPTS add JVM options to the two JVMs. "in-hub" runs the durable store inside the hub's JVM, as
# `java -jar` starts it with no MongoDB URI (the -Xmx512m then bounds both).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:?usage: bench/fanout.sh N [memory|file|in-hub]}
mode=${2:-memory}
work=$(mktemp -d)
stop() { # the hub first, while its store still answers, so it shuts down instead of waiting for it
  set +e
  if [ -n "${hub:-}" ]; then
    kill "$hub" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$hub" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$hub" 2>/dev/null
  fi
  kill -9 "${store:-}" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"

if [ "$mode" = in-hub ]; then
  store_option="--sunshine.data-dir=$work/data"
else
  store_arg=$([ "$mode" = memory ] && echo memory || echo "$work/data")
  java -Xmx16g ${STORE_JAVA_OPTS:-} -cp "$cp" org.sunshinehub.storage.EmbeddedStoreProcess "$store_arg" > "$work/store.log" 2>&1 &
  store=$!
  for _ in $(seq 1 60); do grep -q '^URI ' "$work/store.log" && break; sleep 0.5; done
  store_option="--sunshine.mongo.uri=$(grep '^URI ' "$work/store.log" | cut -d' ' -f2)"
fi

# Port 0: the hub takes a free port (other benchmarks may run at the same time) and logs it.
java -Xmx512m ${HUB_JAVA_OPTS:-} -jar target/sunshine-hub.jar --spring.profiles.active=bench --server.port=0 \
  "$store_option" --sunshine.sandbox.enabled=true --sunshine.sandbox.record-limit=0 \
  --sunshine.sandbox.receipt-delay=0ms --sunshine.demo.subscribers="$n" --sunshine.api.keys=bench \
  --sunshine.inbox-dir="$work/inbox" --sunshine.routes-dir="$work/no-routes" \
  --logging.level.root=WARN --logging.level.org.sunshinehub=INFO \
  --logging.level.org.springframework.boot.web.embedded.tomcat.TomcatWebServer=INFO > "$work/hub.log" 2>&1 &
hub=$!
port=
for _ in $(seq 1 600); do
  port=$(grep -o 'Tomcat started on port [0-9]*' "$work/hub.log" | head -1 | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && curl -sf "localhost:$port/actuator/health" > /dev/null 2>&1 && break
  sleep 1
done
sandbox_port=$(grep -o 'listening on 127.0.0.1:[0-9]*' "$work/hub.log" | head -1 | cut -d: -f2)
uri=${store_option#--sunshine.mongo.uri=}
[ "$mode" != in-hub ] || uri=$(grep -o 'Embedded MongoDB (file .*) listening at [^ ]*' "$work/hub.log" | head -1 | sed 's/.* listening at //')

java -cp "$cp" org.sunshinehub.bench.FanOutBenchmark "$n" "http://localhost:$port" bench \
  "http://127.0.0.1:$sandbox_port" "$hub" "$uri"
grep -E 'Fan-out of|ERROR' "$work/hub.log" | sed 's/^.*INFO [0-9]* --- \[[^]]*\] \[[^]]*\] //' >&2 || true
