#!/usr/bin/env bash
# Publishes the sample trimmed (self-contained, linux-x64) and checks that the trimmed app still writes
# valid JSON lines: the provider's configuration binding and formatting must survive trimming.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/trim-check
rm -rf "$out"
dotnet publish src/DurableLoggingProvider.Sample -c Release -r linux-x64 --self-contained \
  -p:PublishTrimmed=true -o "$out"
lines=$("$out/DurableLoggingProvider.Sample" --format json | grep '^{' || true)
count=$(printf '%s\n' "$lines" | grep -c '^{' || true)
if [ "$count" -lt 1 ]; then
  echo "trim check: the trimmed sample wrote no JSON line" >&2
  exit 1
fi
printf '%s\n' "$lines" | while IFS= read -r line; do
  printf '%s' "$line" | python3 -c 'import json,sys; r=json.load(sys.stdin); assert r["level"] and r["message"], r' \
    || { echo "trim check: not a valid record: $line" >&2; exit 1; }
done
echo "trim check: the trimmed sample wrote $count valid JSON lines"
