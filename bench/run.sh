#!/usr/bin/env bash
# Builds CmBot and the bench in Release and runs the bench; prints a table with CmBot/baseline ratios, then the fan-out.
#   bench/run.sh [--seconds 10] [--rate 200] [--concurrency 32]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/CmBot/CmBot.csproj -v q -nologo > /dev/null
dotnet run -c Release --project bench/CmBot.Bench -- "$@"
