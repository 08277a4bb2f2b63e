#!/usr/bin/env bash
# tests/packaging/action.sh: the GitHub Action's installer, scripts/install-release.sh,
# against fake releases served on 127.0.0.1 (no other network), and the version and target
# resolution that action.yml asks of it. Run from the repository root:
#   tests/packaging/action.sh
# POSTLINT_BIN names the binary to package (default target/debug/postlint, built when
# missing). Prints PASS or FAIL per case; exits 1 when any case failed.
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

install=scripts/install-release.sh
# The platform comes from uname here, as on a developer's machine; a case sets these itself.
unset RUNNER_OS RUNNER_ARCH POSTLINT_RELEASE_URL
expected_version=$("$bin" --version)

work=$tmp
server_pid=""
trap 'if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi; rm -rf "$tmp"' EXIT

# fail NAME DETAIL: lib.sh's fail, with what went wrong.
fail_because() { fail "$1: $2"; }

sha256() {
    if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

# run VERSION DEST [VAR=VALUE...]: the installer's exit status in $status, its output
# (both streams) in $output.
run() {
    local version=$1 dest=$2
    shift 2
    status=0
    output=$(env "$@" "$install" "$version" "$dest" 2>&1) || status=$?
}

# expect NAME STATUS TEXT: the last run exited STATUS and said TEXT.
expect() {
    if [[ $status != "$2" ]]; then
        fail_because "$1" "exit $status, expected $2; output: $output"
    elif [[ $output != *"$3"* ]]; then
        fail_because "$1" "output lacks '$3': $output"
    else
        return 0
    fi
    return 1
}

host=$("$install" --target) || { echo "this platform has no release target" >&2; exit 1; }
all_targets="x86_64-unknown-linux-musl aarch64-unknown-linux-musl x86_64-apple-darwin aarch64-apple-darwin x86_64-pc-windows-msvc"
asset_of() { case $1 in *-windows-*) echo "postlint-$1.zip" ;; *) echo "postlint-$1.tar.gz" ;; esac; }
host_asset=$(asset_of "$host")
exe=""
[[ $host != *-windows-* ]] || exe=.exe

# The host's archive in the release's layout: one top folder named like the archive.
stage=$work/stage/postlint-$host
mkdir -p "$stage"
cp "$bin" "$stage/postlint$exe"
cp README.md "$stage/"
case $host_asset in
    *.zip) (cd "$work/stage" && python3 -m zipfile -c "$work/$host_asset" "postlint-$host/") ;;
    *) tar -C "$work/stage" -cf - "postlint-$host" | gzip -1 >"$work/$host_asset" ;;
esac
host_sha=$(sha256 "$work/$host_asset")

# release TAG WITH_HOST_ARCHIVE HOST_LINE: a release folder with placeholder archives for the
# other targets, the host's real one when WITH_HOST_ARCHIVE is yes, and a SHA256SUMS with
# a line for the host when HOST_LINE is the digest to write (none: no line).
release() {
    local dir=$work/release/$1 with_host=$2 host_line=$3 target asset
    mkdir -p "$dir"
    : >"$dir/SHA256SUMS"
    for target in $all_targets; do
        asset=$(asset_of "$target")
        if [[ $target == "$host" ]]; then
            [[ $with_host == no ]] || ln "$work/$host_asset" "$dir/$asset"
            [[ $host_line == none ]] || printf '%s  %s\n' "$host_line" "$asset" >>"$dir/SHA256SUMS"
        else
            echo "placeholder for $target" >"$dir/$asset"
            printf '%s  %s\n' "$(sha256 "$dir/$asset")" "$asset" >>"$dir/SHA256SUMS"
        fi
    done
}
release v0.1.0 yes "$host_sha"
release v0.2.0 yes "$(printf 'tampered' | { sha256sum 2>/dev/null || shasum -a 256; } | cut -d' ' -f1)"
release v0.3.0 no none
release v0.4.0 no "$host_sha"

python3 -u -m http.server --bind 127.0.0.1 --directory "$work/release" 0 >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 100); do
    port=$(sed -n 's/^Serving HTTP on .* port \([0-9][0-9]*\) .*/\1/p' "$work/server.log")
    if [[ -n $port ]] && curl --silent --fail --output /dev/null "http://127.0.0.1:$port/v0.1.0/SHA256SUMS"; then
        break
    fi
    port=""
    sleep 0.1
done
[[ -n $port ]] || { echo "the release server did not start: $(cat "$work/server.log")" >&2; exit 1; }
url=POSTLINT_RELEASE_URL=http://127.0.0.1:$port

# (i) and (vii): a good release installs, named with or without its v.
for version in 0.1.0 v0.1.0; do
    dest=$work/good-$version
    run "$version" "$dest" "$url"
    if expect "install $version" 0 "installed $expected_version"; then
        got=$("$dest/postlint$exe" --version 2>&1 || true)
        leftovers=$(cd "$dest" && ls -A)
        if [[ $got != "$expected_version" ]]; then
            fail_because "install $version" "installed binary says '$got', expected '$expected_version'"
        elif [[ $leftovers != "postlint$exe" ]]; then
            fail_because "install $version" "DEST holds more than the binary: $leftovers"
        else
            pass "install $version"
        fi
    fi
done

# (ii) a digest that does not match stops the job, and nothing is installed.
dest=$work/mismatch
run 0.2.0 "$dest" "$url"
if expect "checksum mismatch" 1 "checksum mismatch for $host_asset"; then
    if [[ $output != *"do not trust"* ]]; then
        fail_because "checksum mismatch" "message does not warn against the download: $output"
    elif [[ -n $(ls -A "$dest" 2>/dev/null) ]]; then
        fail_because "checksum mismatch" "DEST is not empty: $(ls -A "$dest")"
    else
        pass "checksum mismatch"
    fi
fi

# (iii) a release without this platform: no line in SHA256SUMS, or a line but no archive.
run 0.3.0 "$work/no-line" "$url"
expect "release without this platform" 3 "has no binary for $host" && pass "release without this platform"
run 0.4.0 "$work/no-archive" "$url"
expect "release listing a missing archive" 3 "has no binary for $host ($host_asset is listed in SHA256SUMS but absent)" && pass "release listing a missing archive"

# (iv) a release that does not exist.
run v9.9.9 "$work/no-release" "$url"
expect "release that does not exist" 3 "no release v9.9.9" && pass "release that does not exist"

# (v) a platform the releases do not build for.
run 0.1.0 "$work/windows-arm" "$url" RUNNER_OS=Windows RUNNER_ARCH=ARM64
expect "unsupported platform" 3 "no release binary for Windows ARM64" && pass "unsupported platform"

# (vi) a network failure stops the job instead of falling back: a port nobody listens on.
closed=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
run 0.1.0 "$work/down" POSTLINT_RELEASE_URL="http://127.0.0.1:$closed"
expect "server down" 1 "could not download" && pass "server down"

# A version that is not one stops the job too.
run latest "$work/latest" "$url"
expect "not a version" 1 "is not a release version" && pass "not a version"

# action.yml's first step: which version to install (nothing: build the action's source).
resolves() {
    local got status=0
    got=$("$install" --resolve-version "$1" "$2" 2>&1) || status=$?
    if [[ $status == 0 && $got == "$3" ]]; then
        pass "resolve version '$1' at ref '$2'"
    else
        fail_because "resolve version '$1' at ref '$2'" "exit $status, printed '$got', expected '$3'"
    fi
}
resolves "" v0.1.0 0.1.0
resolves "" refs/tags/v0.1.0 0.1.0
resolves "" v1.2.3-rc.1 1.2.3-rc.1
resolves "" main ""
resolves "" v1 ""
resolves "" 0123456789abcdef0123456789abcdef01234567 ""
resolves "" "" ""
resolves 0.2.0 v0.1.0 0.2.0
resolves v0.2.0 main 0.2.0
status=0
output=$("$install" --resolve-version latest v0.1.0 2>&1) || status=$?
expect "resolve version 'latest'" 1 "is not a release version" && pass "resolve version 'latest'"

# GitHub's names for the runner's platform, mapped to the release targets.
targets() {
    local got status=0
    got=$(RUNNER_OS=$1 RUNNER_ARCH=$2 "$install" --target 2>&1) || status=$?
    if [[ $status == "$3" && $got == *"$4"* ]]; then
        pass "target of $1 $2"
    else
        fail_because "target of $1 $2" "exit $status, printed '$got', expected exit $3 and '$4'"
    fi
}
targets Linux X64 0 x86_64-unknown-linux-musl
targets Linux ARM64 0 aarch64-unknown-linux-musl
targets macOS X64 0 x86_64-apple-darwin
targets macOS ARM64 0 aarch64-apple-darwin
targets Windows X64 0 x86_64-pc-windows-msvc
targets Linux ARM 3 "no release binary for Linux ARM"
targets Windows X86 3 "no release binary for Windows X86"

finish
