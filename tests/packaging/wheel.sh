#!/usr/bin/env bash
# The PyPI distribution end to end: builds the wheel with maturin (pyproject.toml), installs
# it offline into a fresh virtual environment and checks that the `postlint` it puts on
# PATH is the one cargo builds; then builds the source distribution from a `git archive`
# of HEAD, as the release does, and a wheel from it without the network.
#
#   tests/packaging/wheel.sh          # compares with target/debug/postlint (cargo build if missing)
#
# Wheels are built with the dev profile, which reuses cargo's debug build; set
# POSTLINT_WHEEL_PROFILE=release to build what the release ships. maturin is installed from
# PyPI into target/packaging/maturin (uv and pipx beside it), kept between runs; nothing
# else needs the network.
# Prints PASS or FAIL per assertion; exits 1 if any failed. Needs python3 (3.8 or later).
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

profile=${POSTLINT_WHEEL_PROFILE:-dev}
maturin_venv=$(tool_venv maturin "maturin>=1.9,<2")
maturin=$maturin_venv/bin/maturin
# From here pip is offline as a fresh machine's would be: no configuration file, and no
# index or find-links but the ones given.
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1
unset PIP_FIND_LINKS PIP_INDEX_URL PIP_EXTRA_INDEX_URL PIP_NO_INDEX

step "$maturin" build --profile "$profile" --out "$tmp/wheels"
wheel=$(ls "$tmp"/wheels/postlint-"$version"-*.whl)

# The wheel holds the binary as a script (bin bindings: no Python module) and Cargo.toml's
# version in its metadata.
if python3 - "$wheel" "$version" <<'PY'; then
import sys, zipfile
wheel, version = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    names = archive.namelist()
    script = archive.getinfo(f"postlint-{version}.data/scripts/postlint")
    metadata = archive.read(f"postlint-{version}.dist-info/METADATA").decode()
assert script.external_attr >> 16 & 0o111, "the binary is not executable"
assert "Name: postlint\n" in metadata and f"Version: {version}\n" in metadata, metadata[:300]
assert not [n for n in names if n.endswith(".py") or n.endswith(".so")], names
PY
    pass "the wheel $(basename "$wheel") holds the executable and Cargo.toml's version"
else
    fail "the wheel holds the executable and Cargo.toml's version"
fi

# A fresh environment, installed with no index: only the wheel can satisfy it.
step python3 -m venv "$tmp/venv"
step env PIP_NO_INDEX=1 "$tmp/venv/bin/pip" install --find-links "$tmp/wheels" postlint
installed=$tmp/venv/bin/postlint

# The version names the commit the wheel was built from (build/main.rs).
capture wheel-version "$installed" --version
if [ "$(status wheel-version)" = 0 ] && [ "$(cat "$tmp/wheel-version.out")" = "$head_version" ]; then
    pass "pip install --no-index puts postlint on PATH, naming its commit: $head_version"
else
    cat "$tmp/wheel-version.out" "$tmp/wheel-version.err"
    fail "pip install --no-index puts postlint on PATH, naming its commit: $head_version"
fi

same_report_as_binary "the wheel's postlint" env PATH="$tmp/venv/bin:$PATH" postlint

# The two tool installers README names put the same binary on PATH, offline.
uv=$(tool_venv uv uv)/bin/uv
capture uv env UV_TOOL_DIR="$tmp/uv/tools" UV_TOOL_BIN_DIR="$tmp/uv/bin" UV_CACHE_DIR="$tmp/uv/cache" \
    UV_PYTHON_DOWNLOADS=never "$uv" tool install --offline --no-index --find-links "$tmp/wheels" postlint
pipx=$(tool_venv pipx pipx)/bin/pipx
# pipx first brings the pip of its shared environment up to date, from the same links.
pip_wheels=$repo/target/packaging/pip
if ! ls "$pip_wheels"/pip-*.whl >/dev/null 2>&1; then
    step env -u PIP_CONFIG_FILE python3 -m pip download --quiet --only-binary=:all: --dest "$pip_wheels" pip
fi
capture pipx env PIPX_HOME="$tmp/pipx/home" PIPX_BIN_DIR="$tmp/pipx/bin" PIPX_MAN_DIR="$tmp/pipx/man" \
    "$pipx" install --pip-args="--no-index --find-links $tmp/wheels --find-links $pip_wheels" postlint
for installer in uv pipx; do
    if [ "$(status "$installer")" = 0 ] &&
        [ "$("$tmp/$installer/bin/postlint" --version 2>&1)" = "$head_version" ]; then
        pass "$installer installs the wheel offline and its postlint names the commit"
    else
        cat "$tmp/$installer.out" "$tmp/$installer.err"
        fail "$installer installs the wheel offline and its postlint names the commit"
    fi
done

# The source distribution, made as the release makes it: from `git archive`, which fills in
# .git_archival.txt, so a binary built from it names the commit without git.
if git rev-parse --show-toplevel >/dev/null 2>&1; then
    mkdir "$tmp/source"
    git archive HEAD | tar -x -C "$tmp/source"
    step "$maturin" sdist --manifest-path "$tmp/source/Cargo.toml" --out "$tmp/sdist"
    sdist=$tmp/sdist/postlint-$version.tar.gz
    listing=$(tar -tzf "$sdist")
    missing=""
    for wanted in pyproject.toml Cargo.toml Cargo.lock README.md .git_archival.txt build/main.rs rules/cover-missing.md src/main.rs; do
        grep -qx "postlint-$version/$wanted" <<<"$listing" || missing="$missing $wanted"
    done
    if [ -z "$missing" ] && ! grep -q "^postlint-$version/\(fixtures\|tests\)/" <<<"$listing"; then
        pass "the sdist holds what the build needs and no fixtures or tests ($(wc -l <<<"$listing") files)"
    else
        fail "the sdist holds what the build needs (missing:$missing) and no fixtures or tests"
    fi
    # Built by pip with no index and no isolation (maturin from its environment, on PATH
    # for the build backend); the target folder keeps the dependencies between runs.
    step env PIP_NO_INDEX=1 PATH="$maturin_venv/bin:$PATH" MATURIN_PEP517_ARGS="--profile $profile" \
        CARGO_TARGET_DIR="$repo/target/packaging/sdist" \
        "$maturin_venv/bin/pip" wheel --no-build-isolation --no-deps --wheel-dir "$tmp/sdist-wheel" "$sdist"
    step python3 -m venv "$tmp/sdist-venv"
    step env PIP_NO_INDEX=1 "$tmp/sdist-venv/bin/pip" install --find-links "$tmp/sdist-wheel" postlint
    capture sdist-version "$tmp/sdist-venv/bin/postlint" --version
    if [ "$(cat "$tmp/sdist-version.out")" = "$head_version" ]; then
        pass "a wheel built from the sdist without git names the commit: $(cat "$tmp/sdist-version.out")"
    else
        cat "$tmp/sdist-version.out" "$tmp/sdist-version.err"
        fail "a wheel built from the sdist without git names the commit: $head_version"
    fi
fi

finish
