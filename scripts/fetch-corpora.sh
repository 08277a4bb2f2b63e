#!/usr/bin/env bash
# fetch-corpora.sh DEST: the three shared sites the oracle tests read (tests/oracles.rs),
# fetched from their public repositories at the commits ../shared/corpora/README.md names,
# for a machine that lacks them (GitHub's runners). Each commit is fetched alone (depth 1).
set -euo pipefail

dest=${1:?usage: fetch-corpora.sh DEST}
# Where the repositories are fetched from (owner/name under it); a test can point it at copies.
base=${POSTLINT_CORPORA_GIT:-https://github.com}
mkdir -p "$dest"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# fetch FOLDER REPOSITORY COMMIT SUBFOLDER: DEST/FOLDER is SUBFOLDER (. for all) of the commit.
fetch() {
    local folder=$1 repository=$2 commit=$3 subfolder=$4
    if [ -d "$dest/$folder" ]; then
        return
    fi
    git init -q "$work/$folder"
    git -C "$work/$folder" fetch -q --depth 1 "$base/$repository" "$commit"
    git -C "$work/$folder" -c advice.detachedHead=false checkout -q FETCH_HEAD
    rm -rf "$work/$folder/.git"
    if [ "$subfolder" = . ]; then
        mv "$work/$folder" "$dest/$folder"
    else
        mv "$work/$folder/$subfolder" "$dest/$folder"
    fi
    echo "$dest/$folder: $repository@$commit, folder $subfolder"
}

fetch hexo-hexojs-site hexojs/site 59ec5bd280851a691489538b05e31c7fcab365e2 .
fetch hugo-linkerd-io linkerd/website 93f001753363bba09eafd81e290512f89f4697ed linkerd.io
fetch jekyll-jekyll-docs jekyll/jekyll 202df571314ba1d18e9fccd81d12aaad4a703c38 docs
