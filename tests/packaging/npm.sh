#!/usr/bin/env bash
# The npm distribution end to end, without the network: packs the launcher (npm/postlint)
# and this machine's platform package (made by npm/scripts/package.mjs from a postlint
# binary), installs both offline from their tarballs into a fresh project, and checks that
# `npx postlint` behaves exactly as the binary does; then installs the launcher alone and
# checks the message naming the platform.
#
#   tests/packaging/npm.sh                          # uses target/debug/postlint (cargo build if missing)
#   POSTLINT_BIN=path/to/postlint tests/packaging/npm.sh
#
# Prints PASS or FAIL per assertion; exits 1 if any failed. Needs node and npm (18 or later).
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

# npm as a fresh machine has it: no user .npmrc or npm_config_* variables (omit=optional
# there would change what is installed), and a cache of its own that starts empty, so the
# only packages there are are the two tarballs.
while read -r name; do
    unset "$name"
done < <(env | grep -io '^npm_config_[a-z0-9_]*=' | tr -d '=')
touch "$tmp/npmrc"
export npm_config_userconfig=$tmp/npmrc
export npm_config_cache=$tmp/npm-cache
export npm_config_update_notifier=false

platform=$(node -p 'process.platform + "-" + process.arch')
# This machine's release target, as the Action's installer names it.
if ! target=$(scripts/install-release.sh --target 2>&1); then
    echo "npm.sh: postlint publishes no npm package for this machine ($platform): $target" >&2
    exit 1
fi

if node npm/scripts/package.mjs check >"$tmp/check.log" 2>&1; then
    pass "package.mjs check: launcher and platform package versions agree with Cargo.toml"
else
    cat "$tmp/check.log"
    fail "package.mjs check: launcher and platform package versions agree with Cargo.toml"
fi

step node npm/scripts/package.mjs platform --target "$target" --binary "$bin" --out "$tmp/platform"
# `./`: `npm pack npm/postlint` would be read as the GitHub repository npm/postlint.
step npm pack ./npm/postlint --pack-destination "$tmp"
step npm pack "$tmp/platform" --pack-destination "$tmp"
version=$(node -p 'require("./npm/postlint/package.json").version')
launcher_tgz=$tmp/postlint-$version.tgz
platform_tgz=$tmp/postlint-$platform-$version.tgz

# No extra flags are needed offline: the launcher's optional dependency on this platform's
# package is met by the tarball installed beside it (same name and version), and the four
# others, which the registry cannot be asked for offline (ENOTCACHED), are optional: npm
# drops a failed optional dependency and installs the rest, as it does on the wrong os/cpu.
mkdir "$tmp/project"
echo '{ "name": "npm-sh-project", "private": true }' >"$tmp/project/package.json"
cd "$tmp/project"
if npm install --offline --no-audit --no-fund "$launcher_tgz" "$platform_tgz" >"$tmp/install.log" 2>&1 &&
    [ "$(ls node_modules/@postlint)" = "$platform" ]; then
    pass "npm install --offline of both tarballs installs postlint and @postlint/$platform only"
else
    cat "$tmp/install.log"
    ls node_modules/@postlint 2>&1 || true
    fail "npm install --offline of both tarballs installs postlint and @postlint/$platform only"
fi

capture binary-version "$bin" --version
capture npx-version npx --offline postlint --version
if [ "$(status npx-version)" = 0 ] && [ -s "$tmp/npx-version.out" ] &&
    cmp -s "$tmp/binary-version.out" "$tmp/npx-version.out"; then
    pass "npx postlint --version prints what the binary prints: $(cat "$tmp/npx-version.out")"
else
    cat "$tmp/npx-version.err"
    fail "npx postlint --version prints what the binary prints"
fi

same_report_as_binary "npx postlint" npx --offline postlint

# None of the sample blog's posts is free of infos: this one is.
cp "$repo/tests/packaging/clean-post.md" "$tmp/project/clean.md"
capture binary-clean "$bin" check clean.md
capture npx-clean npx --offline postlint check clean.md
if [ "$(status binary-clean)" = 0 ] && [ "$(status npx-clean)" = 0 ] && [ ! -s "$tmp/npx-clean.out" ]; then
    pass "npx postlint check on a clean post exits 0 and reports nothing"
else
    echo "exit status: binary $(status binary-clean), npx $(status npx-clean)"
    cat "$tmp/npx-clean.out"
    fail "npx postlint check on a clean post exits 0 and reports nothing"
fi

# POSTLINT_BINARY: a stand-in that shows its arguments and exits 3.
printf '#!/bin/sh\necho "stand-in: $*"\nexit 3\n' >"$tmp/stand-in"
chmod +x "$tmp/stand-in"
capture override env POSTLINT_BINARY="$tmp/stand-in" npx --offline postlint check "a b" c
if [ "$(status override)" = 3 ] && [ "$(cat "$tmp/override.out")" = "stand-in: check a b c" ]; then
    pass "POSTLINT_BINARY overrides the binary; arguments and exit status pass through"
else
    echo "exit status $(status override)"
    cat "$tmp/override.out" "$tmp/override.err"
    fail "POSTLINT_BINARY overrides the binary; arguments and exit status pass through"
fi

# A binary killed by a signal: the launcher dies of the same signal (128 + 15 in bash).
printf '#!/bin/sh\nkill -TERM $$\n' >"$tmp/killed"
chmod +x "$tmp/killed"
# (bash's own "Terminated" notice discarded)
{ capture signal env POSTLINT_BINARY="$tmp/killed" node_modules/.bin/postlint; } 2>/dev/null
if [ "$(status signal)" = 143 ]; then
    pass "a binary killed by SIGTERM kills the launcher with SIGTERM (exit status 143)"
else
    fail "a binary killed by SIGTERM kills the launcher with SIGTERM (got exit status $(status signal))"
fi

capture spawn-error env POSTLINT_BINARY="$tmp/no-such-binary" node_modules/.bin/postlint --version
if [ "$(status spawn-error)" = 1 ] && grep -q "could not run $tmp/no-such-binary" "$tmp/spawn-error.err"; then
    pass "a binary that cannot be started is reported in one line, exit status 1"
else
    cat "$tmp/spawn-error.err"
    fail "a binary that cannot be started is reported in one line, exit status 1 (got $(status spawn-error))"
fi

# The launcher alone, as after --omit=optional or on a platform with no package.
mkdir "$tmp/launcher-only"
echo '{ "name": "npm-sh-launcher-only", "private": true }' >"$tmp/launcher-only/package.json"
cd "$tmp/launcher-only"
step npm install --offline --no-audit --no-fund "$launcher_tgz"
capture missing npx --offline postlint --version
if [ "$(status missing)" = 1 ] && grep -qF "($platform)" "$tmp/missing.err" &&
    grep -qF "@postlint/$platform" "$tmp/missing.err" && ! grep -q '^ *at ' "$tmp/missing.err"; then
    pass "with the launcher alone, npx postlint exits 1 naming $platform and @postlint/$platform"
else
    echo "exit status $(status missing)"
    cat "$tmp/missing.err"
    fail "with the launcher alone, npx postlint exits 1 naming $platform and @postlint/$platform"
fi

finish
