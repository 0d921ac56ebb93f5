#!/usr/bin/env bash
# Run a command with Course Advisor's default settings (scripts/defaults.sh) in its environment.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/defaults.sh
source scripts/defaults.sh
exec "$@"
