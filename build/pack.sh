#!/usr/bin/env bash
# Makes the NuGet packages (with README, XML docs and a symbols package) in artifacts/packages, a folder
# that works as a local package feed (README.md, "Install").
# ContinuousIntegrationBuild makes the pack the same on any machine: source paths in the symbols are
# mapped to /_/ instead of this checkout's path, as on CI.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet pack DurableLoggingProvider.sln -c Release -o artifacts/packages -p:ContinuousIntegrationBuild=true "$@"
ls -1 artifacts/packages
