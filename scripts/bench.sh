#!/usr/bin/env bash
# bench.sh - postlint beside its peers, on the same corpora, in one run.
#
# Usage: scripts/bench.sh [-n RUNS] [-c "synth-1k synth-10k synth-100k mdn-like real"]
#                         [--no-mlc-above FILES]
#
# 1. builds postlint in release;
# 2. generates the synthetic corpora with gen_corpus.py when they are missing
#    ($GEN_CORPUS, default ../shared/bench/gen_corpus.py; corpora under $CORPORA, default
#    target/bench/corpora; "single" is one post of the 10k corpus), and "mdn-like" with
#    scripts/gen_mdn_corpus.py (14,000 pages shaped like MDN's content). The real sites
#    are read where they are ($SITES, default ../shared/corpora): "-c real" is all of
#    them, or name one by its folder ("hugo-linkerd-io");
# 3. installs the peers when they are missing, from the package registries: rumdl 0.3.0
#    (PyPI) and markdownlint-cli2 0.22.1 (npm) under $PEERS (default target/bench/peers),
#    ripgrep, hyperfine and GNU time from Debian's packages;
# 4. times, with hyperfine, each corpus: the read floor (`rg -c '^#'`), rumdl and
#    markdownlint-cli2 checking heading-increment (MD001) alone, and postlint with every
#    default rule, in its default report and in `--format concise` (the report's share of
#    the time), and pulldown-cmark alone parsing every post (examples/markdown_floor.rs:
#    the part of postlint's time no rule or report can take back); one post also against
#    `cat`. Peak memory comes from GNU time, one run per
#    tool. A site (a real one, or mdn-like) is timed as its users run postlint: from its
#    root, `postlint check .`; the peers from there too, on `.` and `**/*.{md,markdown}`
#    (a list of 14,000 paths is over what one argument may hold), which are the same
#    Markdown files on these sites (`rg --files` counts them for the table).
#    markdownlint-cli2 also reads the `.markdownlint.*` files it finds beside them, over
#    the configuration it is given, so on a site that has one it would not check MD001
#    alone: it is skipped there;
# 5. prints a Markdown table of medians and the ratios the speed targets are about.
#
# Each tool writes its report to /dev/null, as a CI log would swallow it; the times are
# whole processes, start-up included. markdownlint-cli2 takes minutes on big corpora:
# above --no-mlc-above files (default 20000) it is skipped.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$HERE"
RUNS=10
CORPUS_NAMES="synth-1k synth-10k"
MLC_MAX=20000
while [ $# -gt 0 ]; do
    case "$1" in
        -n) RUNS=$2; shift 2 ;;
        -c) CORPUS_NAMES=$2; shift 2 ;;
        --no-mlc-above) MLC_MAX=$2; shift 2 ;;
        -h|--help) sed -n '2,32p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done

GEN_CORPUS=${GEN_CORPUS:-$HERE/../shared/bench/gen_corpus.py}
GEN_MDN=$HERE/scripts/gen_mdn_corpus.py
CORPORA=${CORPORA:-$HERE/target/bench/corpora}
SITES=${SITES:-$HERE/../shared/corpora}
PEERS=${PEERS:-$HERE/target/bench/peers}
RUMDL=${RUMDL:-$PEERS/venv/bin/rumdl}
MLC=${MLC:-$PEERS/node/node_modules/.bin/markdownlint-cli2}
POSTLINT=$HERE/target/release/postlint
MARKDOWN_FLOOR=$HERE/target/release/examples/markdown_floor
WORK=$(mktemp -d -t postlint-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "# building postlint (release)" >&2
cargo build --release --quiet --bin postlint --example markdown_floor

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "# installing ${need_apt[*]} from Debian's packages" >&2
    apt-get install -y "${need_apt[@]}" >/dev/null
fi
if [ ! -x "$RUMDL" ]; then
    echo "# installing rumdl 0.3.0 from PyPI" >&2
    python3 -m venv "$PEERS/venv"
    "$PEERS/venv/bin/pip" install --quiet rumdl==0.3.0
fi
if [ ! -x "$MLC" ]; then
    echo "# installing markdownlint-cli2 0.22.1 from npm" >&2
    mkdir -p "$PEERS/node"
    npm install --silent --prefix "$PEERS/node" markdownlint-cli2@0.22.1 >/dev/null
fi

# Peers check heading-increment (MD001) alone; postlint runs every default rule.
cat > "$WORK/md001.markdownlint-cli2.jsonc" <<'EOF'
{ "config": { "default": false, "MD001": true }, "noProgress": true, "noBanner": true }
EOF

# "real": every site under $SITES.
names=()
for name in $CORPUS_NAMES; do
    if [ "$name" = real ]; then
        for site in "$SITES"/*/; do names+=("$(basename "$site")"); done
    else
        names+=("$name")
    fi
done

count_of() { case "$1" in synth-1k) echo 1000 ;; synth-10k) echo 10000 ;; synth-100k) echo 100000 ;; *) return 1 ;; esac; }
# Where a corpus is: a generated one under $CORPORA, a real site under $SITES.
dir_of() {
    case "$1" in
        synth-*|mdn-like) echo "$CORPORA/$1" ;;
        *) [ -d "$SITES/$1" ] && echo "$SITES/$1" || { echo "bench.sh: no corpus $1 (see --help)" >&2; return 1; } ;;
    esac
}
for name in "${names[@]}"; do
    dir_of "$name" >/dev/null || exit 2
    if [ ! -d "$CORPORA/$name" ] && [ "$name" = mdn-like ]; then
        echo "# generating $name" >&2
        python3 "$GEN_MDN" "$CORPORA/$name" >/dev/null
    elif [ ! -d "$CORPORA/$name" ] && count_of "$name" >/dev/null; then
        echo "# generating $name" >&2
        mkdir -p "$CORPORA"
        python3 "$GEN_CORPUS" "$CORPORA/$name" "$(count_of "$name")" >/dev/null
    fi
done
if [ ! -f "$CORPORA/single/post.md" ]; then
    [ -d "$CORPORA/synth-10k" ] || python3 "$GEN_CORPUS" "$CORPORA/synth-10k" 10000 >/dev/null
    mkdir -p "$CORPORA/single"
    find "$CORPORA/synth-10k/posts" -name '*.md' | sort | sed -n 100p | xargs -I{} cp {} "$CORPORA/single/post.md"
fi

RESULTS=$WORK/results.tsv
SIZES=$WORK/sizes.tsv
: > "$RESULTS"
: > "$SIZES"

# One hyperfine run over the tools of a case, `runs` times each, in the folder `cwd`; each
# median goes to $RESULTS with the tool's peak memory over one more run.
measure() { # label runs cwd tools... (each "name=command")
    local label=$1 runs=$2 cwd=$3; shift 3
    local args=() names=()
    for tool in "$@"; do
        names+=("${tool%%=*}")
        args+=(-n "${tool%%=*}" "${tool#*=}")
    done
    echo "# $label: ${names[*]} ($runs runs)" >&2
    # -N: no shell in between, so a 2 ms command is not timed as a shell's start-up.
    (cd "$cwd" && hyperfine --style none -N --warmup 1 --runs "$runs" -i \
        --export-json "$WORK/$label-${names[0]}.json" "${args[@]}" >/dev/null)
    for tool in "$@"; do
        local name=${tool%%=*} cmd=${tool#*=}
        local rss
        # Linters exit 1 when they find something: that is not a failure here.
        rss=$(cd "$cwd" && { /usr/bin/time -f %M bash -c "set -f; exec $cmd >/dev/null 2>&1" 2>&1 || true; } | tail -1)
        python3 - "$WORK/$label-${names[0]}.json" "$name" "$label" "$rss" >> "$RESULTS" <<'PY'
import json, statistics, sys
path, name, label, rss = sys.argv[1:]
for result in json.load(open(path))["results"]:
    if result["command"] == name:
        times = result["times"]
        print(f"{label}\t{name}\t{statistics.median(times):.4f}\t{min(times):.4f}\t{max(times):.4f}\t{int(rss) / 1024:.1f}")
PY
    done
}

SINGLE=$CORPORA/single/post.md
printf 'single\t1\t%s\n' "$(stat -c %s "$SINGLE")" >> "$SIZES"
measure single $((RUNS * 5)) "$WORK" \
    "cat=cat $SINGLE" \
    "postlint=$POSTLINT check $SINGLE" \
    "postlint-concise=$POSTLINT check --format concise $SINGLE" \
    "rumdl=$RUMDL check --no-config --no-cache --enable MD001 $SINGLE"
measure single 3 "$WORK" "markdownlint-cli2=$MLC --config $WORK/md001.markdownlint-cli2.jsonc $SINGLE"

for name in "${names[@]}"; do
    dir=$(dir_of "$name")
    case "$name" in
    synth-*)
        files=$(find "$dir" -name '*.md' | wc -l)
        printf '%s\t%s\t%s\n' "$name" "$files" "$(find "$dir" -name '*.md' -printf '%s\n' | awk '{s += $1} END {print s}')" >> "$SIZES"
        measure "$name" "$RUNS" "$WORK" \
            "rg=rg -c '^#' $dir" \
            "pulldown-cmark=$MARKDOWN_FLOOR $dir" \
            "postlint=$POSTLINT check $dir" \
            "postlint-concise=$POSTLINT check --format concise $dir" \
            "rumdl=$RUMDL check --no-config --no-cache --enable MD001 $dir"
        mlc_files="$dir/**/*.md"
        ;;
    *)
        # A site: everything from its root, as its users run it.
        (cd "$dir" && rg --files -g '*.md' -g '*.markdown' | LC_ALL=C sort) > "$WORK/$name.files"
        files=$(wc -l < "$WORK/$name.files")
        printf '%s\t%s\t%s\n' "$name" "$files" "$(cd "$dir" && tr '\n' '\0' < "$WORK/$name.files" | xargs -0 stat -c %s | awk '{s += $1} END {print s}')" >> "$SIZES"
        measure "$name" "$RUNS" "$dir" \
            "rg=rg -c '^#' -g '*.md' -g '*.markdown' ." \
            "pulldown-cmark=$MARKDOWN_FLOOR ." \
            "postlint=$POSTLINT check ." \
            "postlint-concise=$POSTLINT check --format concise ." \
            "rumdl=$RUMDL check --no-config --no-cache --enable MD001 ."
        mlc_files="**/*.{md,markdown}"
        if [ -n "$(cd "$dir" && find . -name '.markdownlint.*' -not -path '*/node_modules/*' | head -1)" ]; then
            echo "# $name: markdownlint-cli2 skipped, the site's own .markdownlint.* would apply over MD001 alone" >&2
            continue
        fi
        ;;
    esac
    # Minutes a run on big corpora: timed twice, and not at all above --no-mlc-above.
    if [ "$files" -le "$MLC_MAX" ]; then
        measure "$name" 2 "$dir" "markdownlint-cli2=$MLC --config $WORK/md001.markdownlint-cli2.jsonc $mlc_files"
    fi
done

python3 - "$RESULTS" "$SIZES" <<'PY'
import collections, sys
rows = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    label, name, median, low, high, rss = line.rstrip("\n").split("\t")
    rows[label][name] = (float(median), float(low), float(high), float(rss))
sizes = {}
for line in open(sys.argv[2]):
    label, files, total = line.rstrip("\n").split("\t")
    sizes[label] = (int(files), int(total))

def size(label):
    return sizes[label]

def cell(label, name):
    got = rows[label].get(name)
    if got is None:
        return "—"
    return f"{got[0] * 1000:.1f} ms" if got[0] < 0.1 else f"{got[0]:.2f} s"

def ratio(label, a, b):
    if a not in rows[label] or b not in rows[label]:
        return "—"
    return f"{rows[label][a][0] / rows[label][b][0]:.2f}×"

print("| corpus | files | MB | floor | pulldown-cmark alone | postlint (all rules) | postlint --format concise | rumdl (MD001) | markdownlint-cli2 (MD001) | postlint / rumdl | concise / rumdl | postlint / markdownlint-cli2 | postlint / floor | peak MiB postlint / rumdl |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for label in rows:
    files, total = size(label)
    floor = "cat" if label == "single" else "rg"
    memory = "%.0f / %.0f" % (rows[label]["postlint"][3], rows[label]["rumdl"][3]) if "rumdl" in rows[label] else "—"
    print(f"| {label} | {files:,} | {total / 1e6:.1f} | {cell(label, floor)} ({floor}) | {cell(label, 'pulldown-cmark')} | {cell(label, 'postlint')} | {cell(label, 'postlint-concise')} | {cell(label, 'rumdl')} | {cell(label, 'markdownlint-cli2')} | {ratio(label, 'postlint', 'rumdl')} | {ratio(label, 'postlint-concise', 'rumdl')} | {ratio(label, 'postlint', 'markdownlint-cli2')} | {ratio(label, 'postlint', floor)} | {memory} |")
PY
