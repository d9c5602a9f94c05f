#!/usr/bin/env bash
# Stored-layout probe: bench/probe.sh [file|memory] [recipients]. What a document per recipient costs against a
# block document with per-recipient arrays, on the embedded store in this JVM. Prints one JSON line.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -q -DskipTests test-compile >&2
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >&2
java -Xmx4g -cp "target/test-classes:target/classes:$(cat "$work/cp.txt")" org.sunshinehub.bench.StoreProbe "${1:-file}" "${2:-100000}" 2>/dev/null | grep "^{"
