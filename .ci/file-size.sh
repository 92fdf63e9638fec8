#!/usr/bin/env bash
# Lines of code per file of src/ (without the #[cfg(test)] module at the end,
# blank lines and comments); fails when a file is above the limit.
#   bash .ci/file-size.sh [limit]
set -euo pipefail
cd "$(dirname "$0")/.."
limit="${1:-450}"
status=0
while IFS= read -r file; do
  lines=$(awk '/^#\[cfg\(test\)\]/ { exit } { print }' "$file" | grep -cvE '^\s*($|//)' || true)
  if [ "$lines" -gt "$limit" ]; then
    echo "$file: $lines lines of code (limit $limit)"
    status=1
  fi
done < <(find src -name '*.rs' | sort)
exit $status
