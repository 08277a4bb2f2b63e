#!/usr/bin/env bash
# install-release.sh VERSION DEST_DIR: install postlint VERSION (0.1.0 or v0.1.0) from its
# GitHub release into DEST_DIR, for the platform this runs on. The GitHub Action calls it;
# it runs on GitHub's Linux, macOS (bash 3.2) and Windows (Git Bash) runners.
#
#   exit 0  installed: DEST_DIR/postlint runs, its --version is printed
#   exit 3  no release binary matches (no such release, no archive for this platform, or a
#           platform the releases do not build for): the caller may build from source
#   exit 1  anything else: the caller must stop, never build instead
#
# The archive's SHA-256 must match the release's SHA256SUMS line for it. POSTLINT_RELEASE_URL
# replaces the download base (the tests serve a fake release on 127.0.0.1). The platform is
# RUNNER_OS/RUNNER_ARCH when set (GitHub's names), else uname.
#
# Two helpers for the action, kept here so that tests/packaging/action.sh can run them:
#   install-release.sh --resolve-version INPUT_VERSION ACTION_REF
#       prints the version to install, or nothing when none is known: INPUT_VERSION when
#       given (exit 1 when it is not a version), else ACTION_REF when it is a tag vX.Y.Z
#   install-release.sh --target
#       prints the Rust target of this platform's release archive (exit 3 when there is none)
set -euo pipefail

base_url=${POSTLINT_RELEASE_URL:-https://github.com/postlint/postlint/releases/download}
version_pattern='^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]+)?$'

die() { printf 'install-release.sh: %s\n' "$1" >&2; exit "${2:-1}"; }

resolve_version() {
    local input=$1 ref=$2
    if [[ -n $input ]]; then
        input=${input#v}
        [[ $input =~ $version_pattern ]] ||
            die "version '$1' is not a release version such as 0.1.0"
        printf '%s\n' "$input"
        return
    fi
    # A branch, a commit or a moving major tag such as v1 names no single release: the caller
    # builds the action's own source instead.
    ref=${ref#refs/tags/}
    if [[ $ref == v* && ${ref#v} =~ $version_pattern ]]; then
        printf '%s\n' "${ref#v}"
    fi
}

release_target() {
    local os=${RUNNER_OS:-} arch=${RUNNER_ARCH:-}
    if [[ -z $os ]]; then
        case $(uname -s) in
            Linux) os=Linux ;;
            Darwin) os=macOS ;;
            MINGW* | MSYS* | CYGWIN*) os=Windows ;;
            *) os=$(uname -s) ;;
        esac
    fi
    if [[ -z $arch ]]; then
        case $(uname -m) in
            x86_64 | amd64) arch=X64 ;;
            aarch64 | arm64) arch=ARM64 ;;
            i?86) arch=X86 ;;
            arm*) arch=ARM ;;
            *) arch=$(uname -m) ;;
        esac
    fi
    case $os/$arch in
        Linux/X64) echo x86_64-unknown-linux-musl ;;
        Linux/ARM64) echo aarch64-unknown-linux-musl ;;
        macOS/X64) echo x86_64-apple-darwin ;;
        macOS/ARM64) echo aarch64-apple-darwin ;;
        Windows/X64) echo x86_64-pc-windows-msvc ;;
        *) die "no release binary for $os $arch: the releases build Linux X64 and ARM64, macOS X64 and ARM64, Windows X64" 3 ;;
    esac
}

sha256() {
    local digest
    if command -v sha256sum >/dev/null 2>&1; then
        digest=$(sha256sum "$1")
    else
        digest=$(shasum -a 256 "$1")
    fi
    digest=${digest%% *}
    # sha256sum marks a name holding a backslash (Git Bash paths) with a leading one.
    printf '%s\n' "${digest#\\}" | tr 'A-F' 'a-f'
}

# download URL FILE WHY_404: exit 3 only on HTTP 404, which is how GitHub answers for a release
# or an asset that does not exist. Every other failure (no connection, a 5xx after the
# retries, a 403 from rate limiting) is exit 1: a flaky network must stop the job rather than
# quietly turn into a ten-minute cargo build.
download() {
    local url=$1 file=$2 why_404=$3 code status=0
    code=$(curl --fail --silent --show-error --location --proto '=https,http' --proto-redir '=https,http' \
        --retry 3 --retry-connrefused --connect-timeout 20 \
        --output "$file" --write-out '%{http_code}' "$url" 2>"$tmp/curl-error") || status=$?
    if [[ $status == 0 ]]; then
        return
    fi
    if [[ $code == 404 ]]; then
        die "$why_404: HTTP 404 for $url" 3
    fi
    die "could not download $url ($(tail -n 1 "$tmp/curl-error" | tr -d '\r')); not building from source instead, since the network may only be flaky: run the job again"
}

extract() {
    local archive=$1 into=$2
    case $archive in
        *.tar.gz) tar -xzf "$archive" -C "$into" ;;
        *.zip)
            if command -v unzip >/dev/null 2>&1; then
                unzip -q "$archive" -d "$into"
            else
                # Windows runners have no unzip in some images; PowerShell reads the paths
                # from the environment in Windows form, and expands $env: itself.
                # shellcheck disable=SC2016
                PL_ZIP=$(cygpath -w "$archive") PL_INTO=$(cygpath -w "$into") powershell.exe -NoProfile -NonInteractive -Command \
                    'Expand-Archive -LiteralPath $env:PL_ZIP -DestinationPath $env:PL_INTO -Force'
            fi
            ;;
    esac
}

# Globals, not locals: the EXIT trap reads them after install() has returned.
tmp="" dest="" exe=""

install() {
    local version=${1#v} target asset tag expected actual line name found=""
    dest=$2
    [[ $version =~ $version_pattern ]] || die "version '$1' is not a release version such as 0.1.0"
    tag=v$version
    target=$(release_target) || exit $?
    case $target in
        *-windows-*) asset=postlint-$target.zip exe=.exe ;;
        *) asset=postlint-$target.tar.gz ;;
    esac

    tmp=$(mktemp -d)
    # The partial copy in DEST_DIR is removed too, should anything below fail.
    trap 'rm -rf "$tmp" "$dest/.postlint-partial$exe"' EXIT

    download "$base_url/$tag/SHA256SUMS" "$tmp/SHA256SUMS" "no release $tag"
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        name=${line#* }
        name=${name# }
        name=${name#\*}
        if [[ $name == "$asset" ]]; then
            found=${line%% *}
            break
        fi
    done <"$tmp/SHA256SUMS"
    [[ -n $found ]] || die "release $tag has no binary for $target ($asset is not in its SHA256SUMS)" 3
    expected=$(printf '%s\n' "$found" | tr 'A-F' 'a-f')
    [[ $expected =~ ^[0-9a-f]{64}$ ]] ||
        die "release $tag lists '$found' as the SHA-256 of $asset, which is not a SHA-256: do not trust this release"

    download "$base_url/$tag/$asset" "$tmp/$asset" "release $tag has no binary for $target ($asset is listed in SHA256SUMS but absent)"
    actual=$(sha256 "$tmp/$asset")
    if [[ $actual != "$expected" ]]; then
        die "checksum mismatch for $asset of release $tag: SHA256SUMS says $expected, the download is $actual; do not trust this download"
    fi

    mkdir "$tmp/out"
    extract "$tmp/$asset" "$tmp/out"
    local binary=$tmp/out/postlint-$target/postlint$exe
    [[ -f $binary ]] || die "$asset of release $tag holds no postlint-$target/postlint$exe"

    # Copied under a hidden name, then renamed: DEST_DIR never holds half a binary.
    mkdir -p "$dest"
    cp "$binary" "$dest/.postlint-partial$exe"
    chmod +x "$dest/.postlint-partial$exe"
    mv -f "$dest/.postlint-partial$exe" "$dest/postlint$exe"
    local installed
    if ! installed=$("$dest/postlint$exe" --version); then
        rm -f "$dest/postlint$exe"
        die "postlint from $asset of release $tag does not run on this machine"
    fi
    printf 'installed %s for %s in %s\n' "$installed" "$target" "$dest"
}

usage='usage: install-release.sh VERSION DEST_DIR | --resolve-version INPUT_VERSION ACTION_REF | --target'
case ${1:-} in
    --resolve-version) [[ $# == 3 ]] || die "$usage"; resolve_version "$2" "$3" ;;
    --target) [[ $# == 1 ]] || die "$usage"; release_target ;;
    -* | '') die "$usage" ;;
    *) [[ $# == 2 ]] || die "$usage"; install "$1" "$2" ;;
esac
