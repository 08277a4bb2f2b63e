#!/usr/bin/env bash
# The release workflow's own scripts, run here on this machine's binary: each target's
# "Archive it" step (the Windows zip made by Python, as 7-Zip is not here), "Checksums",
# and the npm job's "Make the platform packages"; then the archives must be what
# scripts/install-release.sh and npm/scripts/package.mjs read, and SHA256SUMS must verify.
#
#   tests/packaging/release.sh
#
# PyYAML (to read the workflow) comes from PyPI into target/packaging/pyyaml.
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

python=$(tool_venv pyyaml pyyaml python)/bin/python
# A debug binary is over 100 MB: stripped, four archives take seconds, not a minute.
if command -v strip >/dev/null && strip -o "$tmp/postlint-stripped" "$bin" 2>/dev/null; then
    bin=$tmp/postlint-stripped
fi
# step_script JOB STEP: the `run:` of a step of release.yml.
step_script() {
    "$python" - "$1" "$2" <<'PY'
import sys, yaml
job, name = sys.argv[1], sys.argv[2]
workflow = yaml.safe_load(open(".github/workflows/release.yml"))
(step,) = [s for s in workflow["jobs"][job]["steps"] if s.get("name") == name]
print(step["run"])
PY
}
step_script build "Archive it" >"$tmp/archive.sh"
step_script github-release Checksums >"$tmp/checksums.sh"
step_script npm "Make the platform packages" >"$tmp/npm.sh"
targets=$("$python" -c 'import yaml; print(" ".join(t["target"] for t in yaml.safe_load(open(".github/workflows/release.yml"))["jobs"]["build"]["strategy"]["matrix"]["include"]))')

# Each target's job, with this machine's binary standing in for the target's build.
mkdir "$tmp/archives"
for target in $targets; do
    job=$tmp/job-$target
    mkdir -p "$job/target/$target/release"
    cp README.md "$job/"
    if [[ $target == *-windows-* ]]; then
        cp "$bin" "$job/target/$target/release/postlint.exe"
        mkdir "$job/postlint-$target"
        cp README.md "$job/target/$target/release/postlint.exe" "$job/postlint-$target/"
        (cd "$job" && python3 -m zipfile -c "postlint-$target.zip" "postlint-$target/")
    else
        cp "$bin" "$job/target/$target/release/postlint"
        (cd "$job" && TARGET=$target bash -euo pipefail "$tmp/archive.sh")
    fi
    mv "$job"/postlint-"$target".* "$tmp/archives/"
done
listing=$(cd "$tmp/archives" && ls)
expected=$(for target in $targets; do
    if [[ $target == *-windows-* ]]; then echo "postlint-$target.zip"; else echo "postlint-$target.tar.gz"; fi
done | sort)
if [ "$listing" = "$expected" ]; then
    pass "five archives named as the installers expect: $(echo "$listing" | tr '\n' ' ')"
else
    fail "the archives are named as the installers expect (got: $listing)"
fi

host=$(scripts/install-release.sh --target)
layout=$(tar -tzf "$tmp/archives/postlint-$host.tar.gz" | sort | tr '\n' ' ')
if [ "$layout" = "postlint-$host/ postlint-$host/README.md postlint-$host/postlint " ]; then
    pass "an archive holds postlint-<target>/postlint and README.md"
else
    fail "an archive holds postlint-<target>/postlint and README.md (got: $layout)"
fi

if (cd "$tmp/archives" && bash -euo pipefail "$tmp/checksums.sh" >/dev/null &&
    sha256sum --quiet -c SHA256SUMS); then
    pass "SHA256SUMS lists the five archives and verifies with sha256sum -c"
else
    fail "SHA256SUMS lists the five archives and verifies with sha256sum -c"
fi

# The npm job, from a folder with the archives and the repository's npm/.
mkdir "$tmp/npm-job"
mv "$tmp/archives" "$tmp/npm-job/archives"
ln -s "$repo/npm" "$tmp/npm-job/npm"
if (cd "$tmp/npm-job" && bash -euo pipefail "$tmp/npm.sh" >/dev/null) &&
    [ "$(find "$tmp/npm-job/npm-out" -mindepth 1 -maxdepth 1 -type d | wc -l)" = 5 ] &&
    cmp -s "$bin" "$tmp/npm-job/npm-out/$host/postlint" &&
    [ -f "$tmp/npm-job/npm-out/x86_64-pc-windows-msvc/postlint.exe" ]; then
    pass "the npm job makes five platform packages, each with its binary"
else
    fail "the npm job makes five platform packages, each with its binary"
fi

finish
