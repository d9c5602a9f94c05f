#!/usr/bin/env bash
# Callback benchmark: bench/callbacks.sh [sms-up|wechat] [concurrency] [seconds] [kill]
# Starts the durable embedded store in a JVM of its own and the hub from the fat jar (free ports), sends unique,
# validly signed provider callbacks from N concurrent senders for the given time (after 5 s of warm-up), then
# checks that every callback answered 200 is stored. With "kill", the store is killed -9 halfway through and
# restarted on the same file and port; the check then covers the callbacks answered before and after the kill.
# Prints one JSON line. WARMUP_SECONDS (default 5) sets the unmeasured start (the hub's JIT needs longer on a
# loaded machine); WARMUP_CALLBACKS (default 0) also waits for that many answered callbacks before measuring, so
# runs on a busy and a quiet machine compare a hub equally warm (not with "kill": its kill is timed);
# HUB_JAVA_OPTS and STORE_JAVA_OPTS add JVM options (e.g. -XX:StartFlightRecording=...).
# PER_PUSH=k puts k up-messages in each SmsUp push (Aliyun pushes a JSON array; sms-up only).
# HUB_JAR runs another build of the hub (before/after comparisons back to back); SKIP_BUILD=1 skips the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-sms-up}
concurrency=${2:-64}
seconds=${3:-60}
kill_store=${4:-}
warm_up=${WARMUP_SECONDS:-5}
work=$(mktemp -d)
stop() {
  set +e
  if [ -n "${hub:-}" ]; then
    kill "$hub" 2>/dev/null
    for _ in $(seq 1 20); do kill -0 "$hub" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$hub" 2>/dev/null
  fi
  kill -9 "$(cat "$work/store.pid" 2>/dev/null)" 2>/dev/null
  rm -rf "$work"
}
trap stop EXIT

[ "${SKIP_BUILD:-}" = 1 ] || mvn -B -q -DskipTests package test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"

start_store() { # $1: port (0: any free one)
  : > "$work/store.log"
  java -Xmx2g ${STORE_JAVA_OPTS:-} -cp "$cp" org.sunshinehub.storage.EmbeddedStoreProcess "$work/data" "$1" >> "$work/store.log" 2>&1 &
  echo $! > "$work/store.pid"
  for _ in $(seq 1 600); do grep -q '^URI ' "$work/store.log" && break; sleep 0.5; done
  grep '^URI ' "$work/store.log" | cut -d' ' -f2 || { echo "the store did not start: $(tail -3 "$work/store.log")" >&2; exit 1; }
}
uri=$(start_store 0)
store_port=${uri##*:}

sms_token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
wechat_token=bench$(head -c 4 /dev/urandom | od -An -tx1 | tr -d ' \n')
aes_key=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 43)
app_id=wxsandbox000000001
java -Xmx512m ${HUB_JAVA_OPTS:-} -jar "${HUB_JAR:-target/sunshine-hub.jar}" --spring.profiles.active=bench --server.port=0 \
  --sunshine.mongo.uri="$uri" --sunshine.sandbox.enabled=true --sunshine.sandbox.channels=sms,wechat \
  --sunshine.sms.callback-token="$sms_token" --sunshine.wechat.accounts.gov.app-id=$app_id \
  --sunshine.wechat.accounts.gov.secret=sandbox-wechat-secret --sunshine.wechat.accounts.gov.token="$wechat_token" \
  --sunshine.wechat.accounts.gov.aes-key="$aes_key" --sunshine.api.keys=bench \
  --sunshine.inbox-dir="$work/inbox" --sunshine.routes-dir="$work/no-routes" --sunshine.data-dir="$work/hub-data" \
  --logging.level.root=WARN --logging.level.org.springframework.boot.web.embedded.tomcat=INFO \
  > "$work/hub.log" 2>&1 &
hub=$!
for _ in $(seq 1 900); do grep -q 'Tomcat started on port' "$work/hub.log" && break; sleep 1; done
port=$(grep -o 'Tomcat started on port [0-9]*' "$work/hub.log" | head -1 | grep -o '[0-9]*$') \
  || { echo "the hub did not start: $(tail -3 "$work/hub.log")" >&2; exit 1; }
for _ in $(seq 1 120); do curl -sf "localhost:$port/actuator/health" > /dev/null 2>&1 && break; sleep 1; done

java -Dbench.warmUpSeconds="$warm_up" -Dbench.warmUpCallbacks="${WARMUP_CALLBACKS:-0}" -Dbench.perPush="${PER_PUSH:-1}" -cp "$cp" org.sunshinehub.bench.CallbackBenchmark "$kind" "$concurrency" "$seconds" "http://localhost:$port" \
  "$sms_token" "$wechat_token" "$aes_key" "$app_id" "$uri" "$hub" "$work/store.pid" bench &
bench=$!
if [ "$kill_store" = kill ]; then
  sleep $((warm_up + seconds / 2))
  kill -9 "$(cat "$work/store.pid")"
  echo "store killed -9 at $(date -u +%T); restarting on port $store_port" >&2
  start_store "$store_port" > /dev/null
fi
status=0
wait $bench || status=$?
grep -E 'ERROR' "$work/hub.log" | sort | uniq -c | head -5 >&2 || true
exit $status
