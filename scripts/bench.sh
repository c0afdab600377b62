#!/usr/bin/env bash
# Benchmark `readout annotate` against its baselines and print one Markdown table.
#
# Run `scripts/bench.sh --help` for the options; everything it needs is in bench/.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: scripts/bench.sh [OPTIONS]

Builds readout in release mode, makes a benchmark corpus from a folder of readouts and
measures, on the same corpus and in one run:

  readout --jobs 1            `readout annotate CORPUS -o OUT --jobs 1`: the whole command
                              (lexicon loading, reading, segmentation, entities, stances,
                              .ann + .json writing, copying the texts, the summary report)
  readout --jobs 1 --no-report  the same without the summary report
  readout --jobs 2            the whole command on two cores (and without the report)
  ICU floor                   bench/icu_floor.c: one ICU word and one sentence pass over
                              every text, nothing else (file reading not timed): the cost
                              any ICU-based pipeline pays
  spaCy                       bench/peer_spacy.py (only when `import spacy` works): blank
                              English + sentencizer + entity_ruler fed readout's own
                              lexicon (`readout lexicon export --format spacy-patterns`);
                              its annotation loop is timed (texts read and patterns loaded
                              before the clock starts)

and prints one Markdown table: MB/s (10^6 bytes of input text per second of wall time),
readout against spaCy and against the ICU floor, and --jobs 2 against --jobs 1.
readout's figures are for the whole command, so they include its start-up; the baselines'
are for their inner loops only.

Options:
  --size MB         corpus size in megabytes (default 20)
  --source DIR      folder of readouts (*.txt, searched recursively) to build the corpus
                    from (default: ../shared/corpus/dev beside the repository)
  --seed N          corpus seed (default 1)
  --runs N          run each measurement N times and keep the fastest (default 1)
  --lexicon-1m      also generate a 1,000,000-entry lexicon (bench/make_lexicon.py) and
                    measure its load time (annotating one tiny file) and the --jobs 1
                    --no-report throughput with it (`--lexicons DIR`)
  --rss-200mb       also annotate a 200 MB corpus with --jobs 1, with and without the
                    report, and give peak RSS (/usr/bin/time -v; needs the `time` package)
  --small-doc       also time one small document end to end (default lexicons,
                    --no-report): hyperfine when installed, else the median of 20 runs
  --all             all three extra stages
  --no-build        use the readout binary already built in the scratch path
  --output FILE     also write the table(s) to FILE
  -h, --help        this text

Environment:
  READOUT_BENCH_SCRATCH  SwiftPM scratch path for the release build (default .build)
  READOUT_BENCH_TMP      where temporary corpora and outputs go (default: $TMPDIR or /tmp)
  CC                     C compiler for the ICU floor (default cc)

Needs: swift, python3, a C compiler and ICU's headers (libicu-dev); optional: spaCy 3.8
(pip install spacy), hyperfine, GNU time. Temporary files are removed on exit.
Issue 6's targets: one job >= 10x spaCy and >= 0.5x the ICU floor on 20 MB; --jobs 2 >=
1.7x --jobs 1; a 1M-entry lexicon loads in <= 2 s and costs <= 25% throughput; <= 200 MB
peak RSS on 200 MB; one small document <= 100 ms.
EOF
}

repo=$(cd "$(dirname "$0")/.." && pwd)
size=20
source_dir="$repo/../shared/corpus/dev"
seed=1
runs=1
lexicon_1m=0
rss_200mb=0
small_doc=0
build=1
output=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --size) size=${2:?--size needs a value}; shift 2 ;;
        --source) source_dir=${2:?--source needs a folder}; shift 2 ;;
        --seed) seed=${2:?--seed needs a value}; shift 2 ;;
        --runs) runs=${2:?--runs needs a value}; shift 2 ;;
        --lexicon-1m) lexicon_1m=1; shift ;;
        --rss-200mb) rss_200mb=1; shift ;;
        --small-doc) small_doc=1; shift ;;
        --all) lexicon_1m=1; rss_200mb=1; small_doc=1; shift ;;
        --no-build) build=0; shift ;;
        --output) output=${2:?--output needs a file}; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "bench: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[[ -d "$source_dir" ]] || { echo "bench: no such folder: $source_dir (use --source DIR)" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: --runs must be a positive integer" >&2; exit 2; }
source_dir=$(cd "$source_dir" && pwd)

scratch=${READOUT_BENCH_SCRATCH:-.build}
work=$(mktemp -d "${READOUT_BENCH_TMP:-${TMPDIR:-/tmp}}/readout-bench.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "bench: $*" >&2; }

# --- Build -----------------------------------------------------------------------------
cd "$repo"
if [[ $build -eq 1 ]]; then
    log "building release (scratch path $scratch)"
    swift build -c release --scratch-path "$scratch" --product readout >&2
fi
readout="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/readout"
[[ -x "$readout" ]] || { echo "bench: no readout binary at $readout (drop --no-build)" >&2; exit 1; }
log "building the ICU floor"
${CC:-cc} -O2 -o "$work/icu_floor" bench/icu_floor.c -licuuc -licudata

# --- Helpers ---------------------------------------------------------------------------
# seconds, peak RSS (KB), user and system CPU seconds of a command: "SECONDS KB USER SYS";
# the command's output is discarded.
timed() {
    local t0 t1
    if [[ -x /usr/bin/time ]]; then
        t0=$(date +%s.%N)
        /usr/bin/time -f '%M %U %S' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
        t1=$(date +%s.%N)
        echo "$(echo "$t1 - $t0" | bc -l) $(tail -n 1 "$work/time.out")"
    else
        t0=$(date +%s.%N)
        "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
        t1=$(date +%s.%N)
        echo "$(echo "$t1 - $t0" | bc -l) 0 0 0"
    fi
}

# The fastest of $runs runs of `readout annotate ... -o OUT`: "SECONDS KB USER SYS".
# Every run writes into a folder of its own, and the outputs are removed only at the end:
# deleting tens of thousands of files just before a run makes ext4 skip the freed inodes
# (recently_deleted) on every file the next run creates, which would time the file
# system's bookkeeping of the previous run rather than readout.
outputs=0
best_readout() {
    local best="" result
    for ((r = 0; r < runs; r++)); do
        outputs=$((outputs + 1))
        result=$(timed "$readout" annotate "$@" -o "$work/outputs/$outputs")
        if [[ -z "$best" ]] || (( $(echo "${result%% *} < ${best%% *}" | bc -l) )); then best=$result; fi
    done
    echo "$best"
}

field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p"; }
fmt() { printf "%.${2:-2}f" "$1"; }
ratio() { if [[ -z "$2" || "$2" == "0" ]]; then echo "–"; else printf "%.2f×" "$(echo "$1 / $2" | bc -l)"; fi; }

# --- Corpus ----------------------------------------------------------------------------
log "making a $size MB corpus from $source_dir"
python3 bench/make_corpus.py "$source_dir" "$work/corpus" "$size" --seed "$seed" >&2
bytes=$(find "$work/corpus" -name '*.txt' -type f -printf '%s\n' | awk '{s += $1} END {print s}')
files=$(find "$work/corpus" -name '*.txt' -type f | wc -l)
mb=$(echo "$bytes / 1000000" | bc -l)

# --- Runs ------------------------------------------------------------------------------
log "readout --jobs 1"
read -r r1_s r1_kb r1_user r1_sys < <(best_readout "$work/corpus" --jobs 1)
log "readout --jobs 1 --no-report"
read -r r1n_s r1n_kb r1n_user r1n_sys < <(best_readout "$work/corpus" --jobs 1 --no-report)
log "readout --jobs 2"
read -r r2_s r2_kb r2_user r2_sys < <(best_readout "$work/corpus" --jobs 2)
log "readout --jobs 2 --no-report"
read -r r2n_s r2n_kb r2n_user r2n_sys < <(best_readout "$work/corpus" --jobs 2 --no-report)

log "ICU floor"
icu_mbs=""
for ((r = 0; r < runs; r++)); do
    line=$("$work/icu_floor" "$work/corpus")
    v=$(echo "$line" | field mb_per_s)
    if [[ -z "$icu_mbs" ]] || (( $(echo "$v > $icu_mbs" | bc -l) )); then icu_mbs=$v; icu_s=$(echo "$line" | field seconds); icu_version=$(echo "$line" | field icu); fi
done

spacy_mbs=""
if python3 -c 'import spacy' 2>/dev/null; then
    log "spaCy"
    "$readout" lexicon export --format spacy-patterns -o "$work/patterns.jsonl"
    for ((r = 0; r < runs; r++)); do
        line=$(python3 bench/peer_spacy.py "$work/corpus" "$work/patterns.jsonl")
        v=$(echo "$line" | field mb_per_s)
        if [[ -z "$spacy_mbs" ]] || (( $(echo "$v > $spacy_mbs" | bc -l) )); then
            spacy_mbs=$v; spacy_s=$(echo "$line" | field annotate_s); spacy_load=$(echo "$line" | field load_s)
            spacy_version=$(echo "$line" | field spacy)
        fi
    done
else
    log "spaCy is not installed (pip install spacy): its row is left out"
fi

r1_mbs=$(echo "$mb / $r1_s" | bc -l)
r1n_mbs=$(echo "$mb / $r1n_s" | bc -l)
r2_mbs=$(echo "$mb / $r2_s" | bc -l)
r2n_mbs=$(echo "$mb / $r2n_s" | bc -l)

table="$work/table.md"
{
    cpu=$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || true)
    ram=$(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo 2>/dev/null || true)
    echo "Corpus: $files documents, $(fmt "$mb" 1) MB, made by bench/make_corpus.py from $(basename "$source_dir") (seed $seed)."
    echo "Machine: $(nproc) cores, ${cpu:-unknown CPU}, ${ram:-? RAM}; ICU $icu_version${spacy_mbs:+, spaCy $spacy_version}; best of $runs run(s)."
    echo
    echo "| run | seconds | MB/s | × spaCy | × ICU floor | CPU user + system s | peak RSS |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    row() { echo "| $1 | $(fmt "$2") | $(fmt "$3") | $(ratio "$3" "$spacy_mbs") | $(ratio "$3" "$icu_mbs") | $(fmt "$5") + $(fmt "$6") | $4 |"; }
    row "readout annotate --jobs 1" "$r1_s" "$r1_mbs" "$((r1_kb / 1024)) MB" "$r1_user" "$r1_sys"
    row "readout annotate --jobs 1 --no-report" "$r1n_s" "$r1n_mbs" "$((r1n_kb / 1024)) MB" "$r1n_user" "$r1n_sys"
    row "readout annotate --jobs 2" "$r2_s" "$r2_mbs" "$((r2_kb / 1024)) MB" "$r2_user" "$r2_sys"
    row "readout annotate --jobs 2 --no-report" "$r2n_s" "$r2n_mbs" "$((r2n_kb / 1024)) MB" "$r2n_user" "$r2n_sys"
    echo "| ICU word+sentence floor (bench/icu_floor.c) | $(fmt "$icu_s") | $(fmt "$icu_mbs") | $(ratio "$icu_mbs" "$spacy_mbs") | 1.00× | | |"
    if [[ -n "$spacy_mbs" ]]; then
        echo "| spaCy blank en + sentencizer + entity_ruler (bench/peer_spacy.py; patterns load $(fmt "$spacy_load") s, not counted) | $(fmt "$spacy_s") | $(fmt "$spacy_mbs") | 1.00× | $(ratio "$spacy_mbs" "$icu_mbs") | | |"
    fi
    echo
    echo "--jobs 2 / --jobs 1: $(ratio "$r2_mbs" "$r1_mbs") with the report, $(ratio "$r2n_mbs" "$r1n_mbs") without, on $(nproc) cores."
} > "$table"

# --- Optional stages -------------------------------------------------------------------
extra="$work/extra.md"
: > "$extra"
if [[ $lexicon_1m -eq 1 || $rss_200mb -eq 1 || $small_doc -eq 1 ]]; then
    printf '\n| extra measurement | result | target |\n|---|---|---|\n' >> "$extra"
fi
printf 'The Ministers welcomed the agreement.\n' > "$work/tiny.txt"
if [[ $lexicon_1m -eq 1 ]]; then
    log "generating a 1,000,000-entry lexicon"
    python3 bench/make_lexicon.py 1000000 "$work/lexicon-1m" >&2
    log "load time: default lexicons, then with 1M entries"
    read -r load0_s _ < <(timed "$readout" annotate "$work/tiny.txt" -o "$work/tiny-out" --no-report --jobs 1)
    read -r load1_s _ < <(timed "$readout" annotate --lexicons "$work/lexicon-1m" "$work/tiny.txt" -o "$work/tiny-out" --no-report --jobs 1)
    log "readout --jobs 1 --no-report with 1M entries"
    read -r lex_s lex_kb _ _ < <(best_readout --lexicons "$work/lexicon-1m" "$work/corpus" --jobs 1 --no-report)
    # Throughput without lexicon loading: the load measured on a tiny file is taken out.
    base_rate=$(echo "$mb / ($r1n_s - $load0_s)" | bc -l)
    lex_rate=$(echo "$mb / ($lex_s - $load1_s)" | bc -l)
    slowdown=$(echo "(1 - $lex_rate / $base_rate) * 100" | bc -l)
    {
        echo "| 1,000,000-entry lexicon: load (a one-line file end to end, minus the same with default lexicons) | $(fmt "$(echo "$load1_s - $load0_s" | bc -l)") s ($(fmt "$load1_s") s vs $(fmt "$load0_s") s) | ≤ 2 s |"
        echo "| 1,000,000-entry lexicon: --jobs 1 --no-report throughput, load excluded | $(fmt "$lex_rate") MB/s vs $(fmt "$base_rate") MB/s: $(if (( $(echo "$slowdown >= 0" | bc -l) )); then echo "$(fmt "$slowdown" 1)% slower"; else echo "$(fmt "$(echo "-1 * $slowdown" | bc -l)" 1)% faster (noise)"; fi); peak RSS $((lex_kb / 1024)) MB | ≤ 25% slower |"
    } >> "$extra"
fi
if [[ $rss_200mb -eq 1 ]]; then
    [[ -x /usr/bin/time ]] || { echo "bench: --rss-200mb needs GNU time (apt-get install time)" >&2; exit 1; }
    log "making a 200 MB corpus"
    python3 bench/make_corpus.py "$source_dir" "$work/corpus-200" 200 --seed "$seed" >&2
    log "readout --jobs 1 on 200 MB (peak RSS)"
    rm -rf "$work/out-200"
    /usr/bin/time -v "$readout" annotate "$work/corpus-200" -o "$work/out-200" --jobs 1 >/dev/null 2>"$work/time-v.txt" \
        || { cat "$work/time-v.txt" >&2; exit 1; }
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-v.txt")
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-v.txt")
    rm -rf "$work/out-200"
    log "readout --jobs 1 --no-report on 200 MB (peak RSS)"
    /usr/bin/time -v "$readout" annotate "$work/corpus-200" -o "$work/out-200" --jobs 1 --no-report >/dev/null 2>"$work/time-v.txt" \
        || { cat "$work/time-v.txt" >&2; exit 1; }
    rss_n_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time-v.txt")
    wall_n=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/time-v.txt")
    rm -rf "$work/out-200" "$work/corpus-200"
    echo "| 200 MB corpus, --jobs 1, with the report: peak RSS | $((rss_kb / 1024)) MB (wall $wall) | ≤ 200 MB |" >> "$extra"
    echo "| 200 MB corpus, --jobs 1, --no-report: peak RSS | $((rss_n_kb / 1024)) MB (wall $wall_n) | ≤ 200 MB |" >> "$extra"
fi
if [[ $small_doc -eq 1 ]]; then
    small=$(find "$source_dir" -name '*.txt' -type f -printf '%s %p\n' | sort -n | awk '$1 >= 2000 && !found {found = 1; print} {last = $0} END {if (!found) print last}' | cut -d' ' -f2-)
    small_bytes=$(stat -c %s "$small")
    log "one small document end to end: $(basename "$small") ($small_bytes bytes)"
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 3 --runs 30 --export-json "$work/hf.json" -N \
            "$readout annotate $small -o $work/small-out --no-report --jobs 1" >&2
        small_ms=$(python3 -c "import json; r = json.load(open('$work/hf.json'))['results'][0]; print(r['median'] * 1000)")
        how="hyperfine, median of 30"
    else
        for ((r = 0; r < 20; r++)); do
            t0=$(date +%s%N)
            "$readout" annotate "$small" -o "$work/small-out" --no-report --jobs 1 >/dev/null 2>&1
            echo $(( ($(date +%s%N) - t0) / 1000 ))
        done | sort -n | awk '{a[NR] = $1} END {print (a[int((NR + 1) / 2)] + a[int(NR / 2) + 1]) / 2000}' > "$work/small.ms"
        small_ms=$(cat "$work/small.ms")
        how="median of 20 runs"
    fi
    echo "| one small document ($small_bytes bytes), default lexicons, --no-report, end to end | $(fmt "$small_ms" 1) ms ($how) | ≤ 100 ms |" >> "$extra"
fi

cat "$table" "$extra"
if [[ -n "$output" ]]; then cat "$table" "$extra" > "$output"; fi
