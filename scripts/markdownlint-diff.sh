#!/usr/bin/env bash
# markdownlint-diff.sh MDNNN RULE FOLDER [OPTIONS]: compare postlint's RULE with
# markdownlint's rule MDNNN, e.g.
#   scripts/markdownlint-diff.sh MD001 heading-increment fixtures/heading-increment
#   scripts/markdownlint-diff.sh MD025 single-h1 fixtures/single-h1
#   scripts/markdownlint-diff.sh MD024 heading-duplicate DIR '{"siblings_only": true}'
# OPTIONS is the rule's markdownlint configuration as JSON (default: `true`, its defaults).
#
# Runs both tools on every *.md / *.markdown file under FOLDER and prints each file:line
# that one of them reports and the other does not. Exits 0 when they agree, 1 when they
# disagree, 2 when a tool could not run. Both tools honour `<!-- markdownlint-… -->`
# comments; files with postlint's own suppressions (`<!-- postlint-… -->` comments, a
# `postlint:` front matter key), which markdownlint cannot know, are left out.
#
# markdownlint-cli2 is the oracle. Install it outside the repository:
#   mkdir -p /tmp/mdl && cd /tmp/mdl && npm init -y && npm install markdownlint-cli2
# then set MDL_CLI2=/tmp/mdl/node_modules/.bin/markdownlint-cli2, or put it on PATH.
# POSTLINT picks the postlint binary (default: target/release/postlint, built first).
set -euo pipefail

usage='usage: markdownlint-diff.sh MDNNN RULE FOLDER [OPTIONS]'
code=${1:?$usage} rule=${2:?$usage} dir=${3:?$usage} options=${4:-true}
repo=$(cd "$(dirname "$0")/.." && pwd)
mdl=${MDL_CLI2:-$(command -v markdownlint-cli2 || true)}
[[ -n $mdl && -x $mdl ]] || { echo "markdownlint-cli2 not found: set MDL_CLI2 or add it to PATH" >&2; exit 2; }
if [[ -z ${POSTLINT:-} ]]; then
  cargo build --release --quiet --manifest-path "$repo/Cargo.toml" || exit 2
fi
postlint=${POSTLINT:-$repo/target/release/postlint}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Only MDNNN, with markdownlint's front matter defaults (its regex; a `title:` line is the h1).
echo "{ \"config\": { \"default\": false, \"$code\": $options },
  \"noProgress\": true, \"noBanner\": true }" > "$tmp/.markdownlint-cli2.jsonc"
: > "$tmp/postlint.toml" # defaults, whatever postlint.toml lies above FOLDER

cd "$dir"
# Exit code 1 means "found something" for both tools; anything higher is a failure.
status=0
"$mdl" --config "$tmp/.markdownlint-cli2.jsonc" '**/*.{md,markdown}' 2> "$tmp/mdl.out" >&2 || status=$?
((status <= 1)) || { cat "$tmp/mdl.out" >&2; exit 2; }
status=0
"$postlint" check --config "$tmp/postlint.toml" --format concise -q . > "$tmp/postlint.out" || status=$?
((status <= 1)) || { cat "$tmp/postlint.out" >&2; exit 2; }

# Reduce both reports to sorted "file:line" lists, without the files that use postlint's
# own suppressions.
export LC_ALL=C
grep -rlE --include='*.md' --include='*.markdown' '<!--[[:space:]]*postlint-|^postlint[[:space:]]*[:=]|"postlint"[[:space:]]*:|^\[postlint\]' . \
  | sed 's#^\./##' > "$tmp/own" || true
not_own() {
  awk -v list="$tmp/own" 'BEGIN { while ((getline f < list) > 0) own[f] }
    { file = $0; sub(/:[0-9]+$/, "", file) } !(file in own)'
}
sed -nE "s#^(\./)?(.+):([0-9]+)(:[0-9]+)? [a-z]+ $code/.*#\2:\3#p" "$tmp/mdl.out" \
  | not_own | sort -u > "$tmp/mdl"
sed -nE "s#^(\./)?(.+):([0-9]+):[0-9]+: [a-z]+\[$rule\].*#\2:\3#p" "$tmp/postlint.out" \
  | not_own | sort -u > "$tmp/postlint"

{
  comm -23 "$tmp/mdl" "$tmp/postlint" | sed "s/\$/: markdownlint $code reports it, postlint does not/"
  comm -13 "$tmp/mdl" "$tmp/postlint" | sed "s/\$/: postlint $rule reports it, markdownlint does not/"
} | sort -t: -k1,1 -k2,2n > "$tmp/diff"

cat "$tmp/diff"
echo "$(wc -l < "$tmp/mdl") $code lines, $(wc -l < "$tmp/postlint") $rule lines, $(wc -l < "$tmp/diff") disagreements" >&2
[[ ! -s $tmp/diff ]]
