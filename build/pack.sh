#!/usr/bin/env bash
# Makes the NuGet packages (with README, XML docs and a symbols package) in artifacts/packages.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet pack DurableLoggingProvider.sln -c Release -o artifacts/packages "$@"
ls -1 artifacts/packages
