#!/usr/bin/env bash
# The batch CLI (`nianbao check FOLDER`, cli/batch.hpp): reports per second and peak memory.
# Folders of links to the corpus reports (read in place, never copied), the corpus repeated:
#   - text reports (.txt .md .html of ../shared/corpus), 100 and 2,000 files (BIG=...), --jobs 2;
#   - the corpus PDFs (001-003) repeated, PDFS files (default 60), through the one node process,
#     and for comparison the same PDFs one `nianbao check FILE` each (one node start per file).
# Wall time is the median of REPS runs (default 3); peak RSS (GNU time's "maximum resident set
# size": the largest single process, so nianbao or node, not their sum) is the largest of them.
#
#   benchmark/batch.sh            (NIANBAO_CLI=path/to/nianbao, else build/native/nianbao)
#   JOBS=2 REPS=3 BIG=2000 PDFS=60 benchmark/batch.sh
# Not a test: numbers depend on the machine and its load (printed with the table).
set -euo pipefail
cd "$(dirname "$0")/.."
cli=$(realpath "${NIANBAO_CLI:-build/native/nianbao}")
corpus=$(realpath "${NIANBAO_CORPUS_DIR:-../shared/corpus}")
jobs=${JOBS:-2}
reps=${REPS:-3}
big=${BIG:-2000}
pdfs=${PDFS:-60}
[ -x "$cli" ] || { echo "batch.sh: $cli not built (cmake --build build/native)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "batch.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
log() { printf 'batch.sh: %s\n' "$*" >&2; }

# folder NAME COUNT FILE...: COUNT links named r0001.ext.. to FILE... taken in turn.
folder() {
  local dir="$tmp/$1" count=$2 i=0
  shift 2
  mkdir -p "$dir"
  while [ "$i" -lt "$count" ]; do
    for f in "$@"; do
      [ "$i" -ge "$count" ] && break
      i=$((i + 1))
      ln -s "$f" "$dir/$(printf 'r%05d' "$i").${f##*.}"
    done
  done
}

mapfile -t texts < <(find "$corpus" -mindepth 2 -type f \( -name '*.txt' -o -name '*.md' -o -name '*.html' \) | sort)
mapfile -t pdf_files < <(find "$corpus" -mindepth 2 -type f -name '*.pdf' | sort)
folder text100 100 "${texts[@]}"
folder "text$big" "$big" "${texts[@]}"
folder "pdf$pdfs" "$pdfs" "${pdf_files[@]}"

# run LABEL FILES COMMAND...: prints one table row (median wall, largest peak RSS over REPS).
run() {
  local label=$1 files=$2
  shift 2
  local walls=() cpu=0 rss=0 i w u s m
  for ((i = 0; i < reps; i++)); do
    /usr/bin/time -f '%e %U %S %M' -o "$tmp/time" "$@" >/dev/null 2>"$tmp/stderr" || true
    read -r w u s m < <(tail -n 1 "$tmp/time")  # after "Command exited with non-zero status"
    walls+=("$w")
    cpu=$(awk -v a="$cpu" -v u="$u" -v s="$s" 'BEGIN { print a + u + s }')
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
  awk -v l="$label" -v n="$files" -v w="$median" -v c="$cpu" -v r="$reps" -v m="$rss" 'BEGIN {
    printf "| %s | %d | %.2f | %.1f | %.2f | %.1f |\n", l, n, w, (w > 0 ? n / w : 0), c / r, m / 1024 }'
  # BATCH_JSON=FILE: the same row as a JSON line, for benchmark/table.mjs
  if [ -n "${BATCH_JSON:-}" ]; then
    awk -v l="$label" -v n="$files" -v w="$median" -v c="$cpu" -v r="$reps" -v m="$rss" 'BEGIN {
      gsub(/["\\`]/, "", l)
      printf "{\"label\":\"%s\",\"files\":%d,\"wallS\":%.3f,\"cpuS\":%.3f,\"peakRssKiB\":%d}\n", l, n, w, c / r, m }' >>"$BATCH_JSON"
  fi
}

# The old way for comparison: one process (and one node start) per PDF.
one_by_one() {
  local f
  for f in "$tmp/pdf$pdfs"/*; do "$cli" check --format json "$f" >/dev/null 2>&1 || true; done
}

log "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "Batch CLI: $cli --jobs $jobs, median wall time of $reps runs; $(lscpu | sed -n 's/^Model name: *//p' | head -1)," \
  "$(nproc) cores; load average at the start: $(cut -d' ' -f1-3 /proc/loadavg). $(date -u +'%Y-%m-%d %H:%M UTC')."
echo
echo "| batch | files | wall s | reports/s | CPU s | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|"
log "text reports: 100 and $big files"
run "text, --format json (JSON Lines)" 100 "$cli" check --jobs "$jobs" --format json "$tmp/text100"
run "text, --format json (JSON Lines)" "$big" "$cli" check --jobs "$jobs" --format json "$tmp/text$big"
run "text, --format text" 100 "$cli" check --jobs "$jobs" "$tmp/text100"
run "text, --format text" "$big" "$cli" check --jobs "$jobs" "$tmp/text$big"
run "text, --format csv" "$big" "$cli" check --jobs "$jobs" --format csv "$tmp/text$big"
run "text, --format sarif" "$big" "$cli" check --jobs "$jobs" --format sarif "$tmp/text$big"
run "text, --format cells" "$big" "$cli" check --jobs "$jobs" --format cells "$tmp/text$big"
run "text, --format json, --jobs 1" "$big" "$cli" check --jobs 1 --format json "$tmp/text$big"
run "text, --format json, --cross-year (two passes)" "$big" "$cli" check --jobs "$jobs" --cross-year --format json "$tmp/text$big"
log "PDFs: $pdfs files through one node process"
run "PDF (001-003 repeated), --format json, one node process" "$pdfs" "$cli" check --jobs "$jobs" --format json "$tmp/pdf$pdfs"
log "PDFs: one nianbao check FILE each"
reps_saved=$reps
reps=1
run "PDF, one \`nianbao check FILE\` per file (node per file)" "$pdfs" bash -c "$(declare -f one_by_one); cli='$cli' tmp='$tmp' pdfs='$pdfs' one_by_one"
reps=$reps_saved
