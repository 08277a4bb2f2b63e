"""Brings this mirror up to every postlint release on PyPI newer than the one it names:
for each, the dependency and version in pyproject.toml and the `rev:` in README.md are
updated, committed and tagged `v<version>`, the tag users put in `rev:`.

Run by .github/workflows/mirror.yml; only the standard library (Python 3.11 or later).
"""

from __future__ import annotations

import json
import re
import subprocess
import urllib.request
from pathlib import Path

import tomllib

HERE = Path(__file__).parent
RELEASE = re.compile(r"^\d+\.\d+\.\d+$")  # pre-releases are not mirrored


def key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def released_versions() -> list[str]:
    with urllib.request.urlopen(
        "https://pypi.org/pypi/postlint/json", timeout=30
    ) as response:
        releases = json.load(response)["releases"]
    # A version whose files were all yanked is not one to point users at.
    return sorted(
        (
            v
            for v, files in releases.items()
            if RELEASE.match(v) and any(not f["yanked"] for f in files)
        ),
        key=key,
    )


def current_version() -> str:
    pyproject = tomllib.loads((HERE / "pyproject.toml").read_text())
    (pin,) = [
        d for d in pyproject["project"]["dependencies"] if d.startswith("postlint==")
    ]
    return pin.removeprefix("postlint==")


def mirror(version: str) -> None:
    pyproject = HERE / "pyproject.toml"
    text = pyproject.read_text()
    text = re.sub(r'"postlint==[^"]*"', f'"postlint=={version}"', text)
    text = re.sub(r'(?m)^version = "[^"]*"', f'version = "{version}"', text)
    pyproject.write_text(text)
    readme = HERE / "README.md"
    readme.write_text(
        re.sub(r"rev: v\d+\.\d+\.\d+", f"rev: v{version}", readme.read_text())
    )
    subprocess.run(["git", "add", "pyproject.toml", "README.md"], cwd=HERE, check=True)
    subprocess.run(
        ["git", "commit", "-m", f"Mirror postlint {version}"], cwd=HERE, check=True
    )
    subprocess.run(["git", "tag", f"v{version}"], cwd=HERE, check=True)


def main() -> None:
    current = current_version()
    for version in released_versions():
        if key(version) > key(current):
            mirror(version)
            print(f"mirrored postlint {version}")


if __name__ == "__main__":
    main()
