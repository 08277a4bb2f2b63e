#!/usr/bin/env python3
"""The heading ids a generator wrote: for each HTML file under a built site's output folder,
one line `html_path<TAB>id1 id2 ...` with the ids of its h2-h6 elements in document order,
entities decoded (`∅` for a heading with an empty id or none). Paths are relative to the
folder, with `/`, sorted.

    heading_ids.py public/            # Hexo, Hugo (`public/`), Jekyll (`_site/`), ...
    heading_ids.py --text public/     # one heading a line: path, level, id, its text

The ids are what `src/site/heading_ids.rs` computes from the Markdown; compare the two to
check a scheme on a real site. Python 3 standard library only.
"""

import argparse
import html.parser
import os
import sys

HEADINGS = {"h2", "h3", "h4", "h5", "h6"}


class Headings(html.parser.HTMLParser):
    """Collects (level, id, text) of each h2-h6, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.open = None  # index into `found` of the heading being read

    def handle_starttag(self, tag, attrs):
        if tag in HEADINGS:
            # The parser decodes character references in attribute values.
            ident = dict(attrs).get("id") or ""
            self.found.append([int(tag[1]), ident, ""])
            self.open = len(self.found) - 1

    def handle_endtag(self, tag):
        if tag in HEADINGS:
            self.open = None

    def handle_data(self, data):
        if self.open is not None:
            self.found[self.open][2] += data


def headings_of(path):
    parser = Headings()
    with open(path, encoding="utf-8", errors="replace") as file:
        parser.feed(file.read())
    parser.close()
    return parser.found


def html_files(root):
    for directory, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            if name.endswith((".html", ".htm")):
                path = os.path.join(directory, name)
                yield path, os.path.relpath(path, root).replace(os.sep, "/")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("output", help="the built site's output folder")
    arguments.add_argument(
        "--text", action="store_true", help="one heading a line, with its level and text"
    )
    options = arguments.parse_args()
    if not os.path.isdir(options.output):
        sys.exit(f"{options.output}: not a folder")
    out = sys.stdout
    for path, relative in sorted(html_files(options.output), key=lambda pair: pair[1]):
        found = headings_of(path)
        if options.text:
            for level, ident, text in found:
                text = " ".join(text.split())
                out.write(f"{relative}\t{level}\t{ident or '∅'}\t{text}\n")
        else:
            out.write(relative + "\t" + " ".join(ident or "∅" for _, ident, _ in found) + "\n")


if __name__ == "__main__":
    try:
        main()
    except BrokenPipeError:  # `| head`
        sys.stderr.close()
