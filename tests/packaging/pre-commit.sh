#!/usr/bin/env bash
# The pre-commit hook that needs no Rust: pre-commit-mirror/ (the repository
# postlint/postlint-pre-commit) tried with `pre-commit try-repo` on a repository of posts,
# with no cargo or rustc on PATH and pip offline, finding postlint only in the wheel built
# here (PIP_FIND_LINKS), as a contributor's first commit would.
#
#   tests/packaging/pre-commit.sh
#
# pre-commit, maturin and setuptools (the mirror's build backend) come from PyPI into
# target/packaging, kept between runs. Prints PASS or FAIL per assertion; exits 1 if any failed.
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

pre_commit=$(tool_venv pre-commit pre-commit)/bin/pre-commit
maturin=$(tool_venv maturin "maturin>=1.9,<2")/bin/maturin
backend=$repo/target/packaging/setuptools
if ! ls "$backend"/setuptools-*.whl >/dev/null 2>&1; then
    step python3 -m pip download --quiet --only-binary=:all: --dest "$backend" "setuptools>=61"
fi
step "$maturin" build --profile "${POSTLINT_WHEEL_PROFILE:-dev}" --out "$tmp/wheels"

# The mirror as its own repository, and a blog to commit to.
cp -r pre-commit-mirror "$tmp/mirror"
git_quiet() { git -c user.name=test -c user.email=test@example.com -c commit.gpgsign=false "$@" >/dev/null; }
(cd "$tmp/mirror" && git init -q && git add -A && git_quiet commit -m mirror)
mkdir -p "$tmp/blog/posts"
cp tests/packaging/clean-post.md "$tmp/blog/posts/clean.md"
cp fixtures/blog/posts/chatgpt-image-video-post.md "$tmp/blog/posts/no-cover.md"
(cd "$tmp/blog" && git init -q && git add -A)

# PATH without any folder that holds cargo or rustc, HOME without ~/.cargo: pip could not
# build postlint from source here, so the hook works only if the wheel is used.
no_rust_path=""
IFS=: read -ra folders <<<"$PATH"
for folder in "${folders[@]}"; do
    if [ -n "$folder" ] && [ ! -e "$folder/cargo" ] && [ ! -e "$folder/rustc" ]; then
        no_rust_path=${no_rust_path:+$no_rust_path:}$folder
    fi
done
mkdir "$tmp/home"
hook() {
    (cd "$tmp/blog" && env -u RUSTUP_HOME -u CARGO_HOME PATH="$no_rust_path" HOME="$tmp/home" \
        PRE_COMMIT_HOME="$tmp/pre-commit-home" PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1 \
        PIP_FIND_LINKS="$tmp/wheels $backend" "$@")
}

if hook sh -c '! command -v cargo && ! command -v rustc' >/dev/null; then
    pass "the hook runs with no cargo or rustc on PATH"
else
    fail "the hook runs with no cargo or rustc on PATH"
fi

capture no-cover hook "$pre_commit" try-repo "$tmp/mirror" postlint --files posts/no-cover.md
if [ "$(status no-cover)" = 1 ] && grep -q "cover-missing" "$tmp/no-cover.out" &&
    grep -q "^postlint.*Failed" "$tmp/no-cover.out"; then
    pass "try-repo installs the hook from the wheel and blocks a post without its cover (cover-missing)"
else
    echo "exit status $(status no-cover)"
    cat "$tmp/no-cover.out" "$tmp/no-cover.err"
    fail "try-repo installs the hook from the wheel and blocks a post without its cover"
fi

capture clean hook "$pre_commit" try-repo "$tmp/mirror" postlint --files posts/clean.md
if [ "$(status clean)" = 0 ] && grep -q "^postlint.*Passed" "$tmp/clean.out"; then
    pass "the hook passes a clean post"
else
    echo "exit status $(status clean)"
    cat "$tmp/clean.out" "$tmp/clean.err"
    fail "the hook passes a clean post"
fi

# The postlint in the hook's environment is the wheel's: the same hook through a
# configuration file, its entry replaced by `postlint --version`.
mirror_rev=$(git -C "$tmp/mirror" rev-parse HEAD)
cat >"$tmp/blog/.pre-commit-config.yaml" <<YAML
repos:
  - repo: $tmp/mirror
    rev: $mirror_rev
    hooks:
      - id: postlint
        entry: postlint --version
        pass_filenames: false
        verbose: true
YAML
capture version hook "$pre_commit" run postlint --files posts/clean.md
if [ "$(status version)" = 0 ] && grep -qxF "$head_version" "$tmp/version.out"; then
    pass "the hook's postlint is the wheel built here: $head_version"
else
    cat "$tmp/version.out" "$tmp/version.err"
    fail "the hook's postlint is the wheel built here: $head_version"
fi

# mirror.py's update for a new release, offline: pin, version, README and tag move together.
if (cd "$tmp/mirror" && GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com \
    GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com \
    python3 -c 'import mirror; mirror.mirror("9.8.7")' >/dev/null) &&
    grep -q '"postlint==9.8.7"' "$tmp/mirror/pyproject.toml" &&
    grep -q '^version = "9.8.7"' "$tmp/mirror/pyproject.toml" &&
    grep -q "rev: v9.8.7" "$tmp/mirror/README.md" &&
    [ "$(git -C "$tmp/mirror" tag --points-at HEAD)" = v9.8.7 ] &&
    [ -z "$(git -C "$tmp/mirror" status --porcelain)" ]; then
    pass "mirror.py pins a new release, commits and tags it v9.8.7"
else
    git -C "$tmp/mirror" log --oneline -3
    fail "mirror.py pins a new release, commits and tags it"
fi

finish
