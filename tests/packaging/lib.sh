# shellcheck shell=bash
# Shared by the packaging tests (tests/packaging/*.sh): sourced after `set -euo pipefail`.
#
# Sets `repo` (the repository root, also the working folder), `tmp` (a fresh folder,
# removed on exit), `version` and `head_version` (below) and `bin`: $POSTLINT_BIN, else target/debug/postlint (built when
# missing), copied into $tmp so that a rebuild during the run cannot change what is compared.
# `test_name` is the script's name, for its messages.

test_name=$(basename "$0" .sh)
bin=${POSTLINT_BIN:-}
case $bin in
    "" | /*) ;;
    *) bin=$PWD/$bin ;;
esac
cd "$(dirname "$0")/../.." || exit 1
repo=$PWD
if [ -z "$bin" ]; then
    bin=$repo/target/debug/postlint
    if [ ! -x "$bin" ]; then
        cargo build
    fi
fi
if [ ! -x "$bin" ]; then
    echo "$test_name: no postlint binary at $bin" >&2
    exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$bin" "$tmp/postlint"
bin=$tmp/postlint

# Cargo.toml's version, and what `postlint --version` prints when built from HEAD: with the
# commit when this folder is the top of its own checkout, as build/main.rs reads it.
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
head_version="postlint $version"
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
    head_version="$head_version ($(git log -1 --format='%h %cs' --abbrev=7))"
fi

failures=0
pass() { echo "PASS $1"; }
fail() {
    echo "FAIL $1"
    failures=$((failures + 1))
}
# Runs a setup step quietly; on failure shows its output and stops.
step() {
    if ! "$@" >"$tmp/step.log" 2>&1; then
        cat "$tmp/step.log" >&2
        echo "FAIL $*" >&2
        exit 1
    fi
}
# Runs a command, keeping its stdout, stderr and exit status in $tmp/NAME.{out,err,status}.
capture() {
    local name=$1
    shift
    local status=0
    "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || status=$?
    echo "$status" >"$tmp/$name.status"
}
status() { cat "$tmp/$1.status"; }
# same_report_as_binary LABEL COMMAND...: `COMMAND check <repo>/fixtures/blog`, an installed
# postlint, exits 1 as the binary does and prints the binary's report byte for byte.
same_report_as_binary() {
    local label=$1
    shift
    capture binary-blog "$bin" check "$repo/fixtures/blog"
    capture installed-blog "$@" check "$repo/fixtures/blog"
    if [ "$(status binary-blog)" = 1 ] && [ "$(status installed-blog)" = 1 ] &&
        [ -s "$tmp/installed-blog.out" ] && cmp -s "$tmp/binary-blog.out" "$tmp/installed-blog.out"; then
        pass "$label check fixtures/blog exits 1 with the binary's report, byte for byte ($(wc -c <"$tmp/installed-blog.out") bytes)"
    else
        echo "exit status: binary $(status binary-blog), $label $(status installed-blog)"
        diff "$tmp/binary-blog.out" "$tmp/installed-blog.out" | head -n 20 || true
        fail "$label check fixtures/blog exits 1 with the binary's report, byte for byte"
    fi
}
# tool_venv NAME REQUIREMENT [FILE]: a virtual environment under target/packaging with a
# tool from PyPI (the only step of these tests that needs the network), kept between runs
# and made again when bin/FILE (default NAME) is missing; prints its folder.
tool_venv() {
    local venv=$repo/target/packaging/$1
    if [ ! -x "$venv/bin/${3:-$1}" ]; then
        step python3 -m venv "$venv"
        step "$venv/bin/pip" install --quiet "$2"
    fi
    echo "$venv"
}
# The last line: the verdict and the time taken; exits 1 if any assertion failed.
finish() {
    if [ "$failures" -gt 0 ]; then
        echo "$test_name: $failures assertions failed (${SECONDS} s)"
        exit 1
    fi
    echo "$test_name: all assertions passed (${SECONDS} s)"
}
