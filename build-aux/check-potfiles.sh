#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks po/POTFILES.in against the tree: every listed file must exist (or
# the .pot fails to build) and every file with translatable strings must be
# listed (or its strings are never translated).
#
#   build-aux/check-potfiles.sh [SOURCE_ROOT]

set -euo pipefail

root=${1:-$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)}
cd "$root"
potfiles=po/POTFILES.in

mapfile -t listed < <(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$potfiles")

# Files that hold strings for translators: C with _(), N_(), C_() or NC_()
# around a literal, GtkBuilder with translatable="yes", and the data files
# that xgettext reads (desktop entry, metainfo, GSettings schema).
mapfile -t needed < <(
  {
    grep -rlE --include='*.c' --include='*.h' \
      '(^|[^[:alnum:]_])N?C?_[[:space:]]*\([[:space:]]*"' src || true
    grep -rl --include='*.ui' 'translatable="yes"' data || true
    find data -maxdepth 1 \( -name '*.desktop.in' -o -name '*.metainfo.xml.in' \
      -o -name '*.gschema.xml' \) -print
  } | sort -u
)

status=0
declare -A is_listed=()
for file in "${listed[@]}"; do
  is_listed[$file]=1
  if [[ ! -f "$file" ]]; then
    printf '%s lists %s, which does not exist\n' "$potfiles" "$file" >&2
    status=1
  fi
done

for file in "${needed[@]}"; do
  if [[ -z "${is_listed[$file]:-}" ]]; then
    printf '%s has translatable strings but is not in %s\n' "$file" "$potfiles" >&2
    status=1
  fi
done

if (( status == 0 )); then
  printf '%s lists all %d files with translatable strings\n' "$potfiles" "${#listed[@]}"
fi
exit "$status"
