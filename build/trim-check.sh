#!/usr/bin/env bash
# Publishes the sample trimmed (self-contained, linux-x64) and checks that the trimmed app still writes
# valid JSON lines: the provider's configuration binding, the ambient durable context and typed value
# formatting must survive trimming (a trim warning fails the publish: warnings are errors). About a
# minute on two cores; .ci/run runs it after the tests and fails when it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/trim-check
rm -rf "$out"
if ! dotnet publish src/DurableLoggingProvider.Sample -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=true -o "$out"; then
  echo "trim check: the trimmed publish of the sample failed (a trim warning is an error; see the output above)" >&2
  exit 1
fi
lines=$("$out/DurableLoggingProvider.Sample" --format json | grep '^{' || true)
count=$(printf '%s\n' "$lines" | grep -c '^{' || true)
if [ "$count" -lt 1 ]; then
  echo "trim check: the trimmed sample wrote no JSON line" >&2
  exit 1
fi
printf '%s\n' "$lines" | python3 -c '
import json, sys
durable = 0
for number, line in enumerate(sys.stdin, 1):
    try:
        record = json.loads(line)
    except ValueError as error:
        sys.exit(f"trim check: line {number} is not valid JSON ({error}): {line.strip()}")
    if not (isinstance(record.get("level"), str) and isinstance(record.get("message"), str)):
        sys.exit(f"trim check: line {number} has no level or message: {line.strip()}")
    if record.get("requestId") and record.get("executionArn") and isinstance(record.get("attempt"), int):
        durable += 1
if durable == 0:
    sys.exit("trim check: no line carries the durable fields (requestId, executionArn, a numeric attempt)")
'
echo "trim check: the trimmed sample wrote $count valid JSON lines"
