#!/usr/bin/env bash
# Builds the benchmarks (test/DurableLoggingProvider.Benchmarks) in Release and runs them, writing the
# results to artifacts/benchmarks: GitHub-flavoured markdown tables in artifacts/benchmarks/results, one
# per benchmark class, and BenchmarkDotNet's full log next to them.
#
# Usage: build/benchmarks.sh [filter] [BenchmarkDotNet options...]
#   build/benchmarks.sh                                        the whole suite
#   build/benchmarks.sh '*Replay*'                             the classes or methods matching a --filter glob
#   build/benchmarks.sh '*LineFormat* *GatedCall*'             several globs, separated by spaces, in one run
#   build/benchmarks.sh '*' --warmupCount 1 --iterationCount 3 a quick pass: proves every benchmark and its
#                                                              sanity checks run; the figures are rough
# Options after the filter go to BenchmarkDotNet as they are. Each class sets its own job (counts and run
# strategy); options such as --iterationCount override them. A --job option would add a job instead.
# The benchmarks run in process, in the build made here; the exit status is non-zero if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

filter='*'
if [ $# -gt 0 ]; then
  filter=$1
  shift
fi

project=test/DurableLoggingProvider.Benchmarks
out=artifacts/benchmarks
dotnet build "$project" -c Release
mkdir -p "$out"
started="$out/.started"
touch "$started"

status=0
read -r -a filters <<< "$filter"
dotnet "$project/bin/Release/net10.0/DurableLoggingProvider.Benchmarks.dll" --filter "${filters[@]}" --artifacts "$out" "$@" || status=$?

echo
echo "Markdown tables of this run:"
find "$out/results" -name '*-report-github.md' -newer "$started" 2>/dev/null | sort | sed 's/^/  /'
exit "$status"
