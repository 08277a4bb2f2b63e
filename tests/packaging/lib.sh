# shellcheck shell=bash
# Shared by the packaging tests (tests/packaging/*.sh): sourced after `set -euo pipefail`.
#
# Sets `repo` (the repository root, also the working folder), `tmp` (a fresh folder,
# removed on exit) and `bin`: $POSTLINT_BIN, else target/debug/postlint (built when
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
