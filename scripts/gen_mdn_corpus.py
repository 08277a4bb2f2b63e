#!/usr/bin/env python3
"""A deterministic corpus shaped like MDN's content (github.com/mdn/content), for timing.

Usage:
    gen_mdn_corpus.py OUT_DIR [N] [--seed S]

Writes N pages (default 14,000, about MDN's English count) as
OUT_DIR/files/en-us/<section>/.../<page>/index.md, plus the repository's package.json
(no generator in it, as MDN's build tool is its own). Page i depends only on (seed, i), so
the same arguments give the same bytes on any machine. Standard library only.

What a page holds, as MDN's do:
  * front matter: `title`, `slug` (the folder path in MDN's case), `page-type`, and
    often `short-title`, `browser-compat` (a string or a list), `spec-urls`, `sidebar`,
    `status` (a block list: experimental, deprecated, non-standard); the keys repeat
    from page to page and none is a key blog generators read
  * body: 3-8 KB of KumaScript macros (`{{jsxref("Array")}}`, `{{domxref(...)}}`,
    `{{Compat}}`, `{{Specifications}}`, `{{EmbedInteractiveExample(...)}}`,
    `{{EmbedLiveSample(...)}}`), h2/h3 headings, `js`/`css`/`html` code fences,
    `- term` / `  - : definition` lists, `> [!NOTE]` callouts, tables, and links to
    other pages by their `/en-US/docs/...` URL
Not a copy of MDN: the words are drawn from a small vocabulary, and it is meant for
relative timings (postlint against its peers, before against after), not for findings.
"""

import argparse
import json
import os
import random

WORDS = (
    "the a an and or of to in for with on by from as is are be can this that which "
    "method property value object element event interface returns specified given "
    "string number array function callback promise index length node document window "
    "request response header stream buffer attribute style selector rule color width "
    "height layout grid flex box margin padding border font text content browser user "
    "agent server client cache network script module worker thread memory error type "
    "instance constructor static prototype iterable argument parameter option default "
    "undefined null true false new current first last next previous each every some "
    "used uses using set sets get gets called calls create creates remove removes add "
    "adds change changes read write open close start stop may must should will not "
    "also only when if then however otherwise example examples following below above"
).split()

SECTIONS = [
    # (weight, folder, slug prefix, page types, macro for links, sidebar)
    (48, "web/api", "Web/API", ["web-api-interface", "web-api-instance-property",
                                "web-api-instance-method", "web-api-event",
                                "web-api-constructor", "web-api-static-method"],
     "domxref", "APIRef"),
    (9, "web/javascript/reference/global_objects", "Web/JavaScript/Reference/Global_Objects",
     ["javascript-class", "javascript-instance-method", "javascript-static-method",
      "javascript-instance-property", "javascript-constructor"], "jsxref", "jsref"),
    (2, "web/javascript/reference/statements", "Web/JavaScript/Reference/Statements",
     ["javascript-statement"], "jsxref", "jssidebar"),
    (9, "web/css", "Web/CSS", ["css-property", "css-pseudo-class", "css-function",
                               "css-type", "css-at-rule", "css-shorthand-property"],
     "cssxref", "cssref"),
    (4, "web/html/reference/elements", "Web/HTML/Reference/Elements",
     ["html-element"], "HTMLElement", "htmlsidebar"),
    (2, "web/html/reference/attributes", "Web/HTML/Reference/Attributes",
     ["html-attribute"], "htmlattrxref", "htmlsidebar"),
    (4, "web/http/reference/headers", "Web/HTTP/Reference/Headers",
     ["http-header"], "HTTPHeader", "http"),
    (4, "web/svg/reference/attribute", "Web/SVG/Reference/Attribute",
     ["svg-attribute"], "SVGAttr", "svgref"),
    (5, "glossary", "Glossary", ["glossary-definition"], "Glossary", "glossary"),
    (7, "mozilla/add-ons/webextensions/api", "Mozilla/Add-ons/WebExtensions/API",
     ["webextension-api-function", "webextension-api-event", "webextension-api-property"],
     "WebExtAPIRef", "addonsidebar"),
    (3, "learn_web_development/core", "Learn_web_development/Core",
     ["tutorial-chapter", "guide"], "Glossary", "learnsidebar"),
    (3, "web/accessibility/aria/reference/roles", "Web/Accessibility/ARIA/Reference/Roles",
     ["aria-role"], "Glossary", "accessibilitysidebar"),
]

CODE_LANGS = {"domxref": "js", "jsxref": "js", "cssxref": "css", "HTMLElement": "html",
              "htmlattrxref": "html", "HTTPHeader": "http", "SVGAttr": "svg",
              "Glossary": "js", "WebExtAPIRef": "js"}


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def sentence(rng, lo=8, hi=22):
    text = words(rng, rng.randint(lo, hi))
    return text[0].upper() + text[1:] + "."


def ident(rng):
    first = rng.choice(WORDS)
    rest = "".join(w.capitalize() for w in (rng.choice(WORDS) for _ in range(rng.randint(0, 2))))
    return (first + rest).replace("-", "")


def macro_ref(rng, macro, prefix):
    name = ident(rng)
    if rng.random() < 0.2:
        return f'{{{{{macro}("{name.capitalize()}/{ident(rng)}", "{name}")}}}}'
    return f'{{{{{macro}("{name.capitalize()}")}}}}'


def link(rng, prefix):
    parts = [ident(rng) for _ in range(rng.randint(1, 2))]
    url = f"/en-US/docs/{prefix}/" + "/".join(p.capitalize() for p in parts)
    if rng.random() < 0.15:
        url += "#" + rng.choice(WORDS) + "_" + rng.choice(WORDS)
    return f"[{' '.join(parts)}]({url})"


def paragraph(rng, macro, prefix):
    out = []
    for _ in range(rng.randint(2, 5)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.35:
            s = s[:-1] + " " + macro_ref(rng, macro, prefix) + "."
        elif roll < 0.55:
            s = s[:-1] + " (see " + link(rng, prefix) + ")."
        elif roll < 0.7:
            s = s[:-1] + " as a `" + ident(rng) + "` " + rng.choice(WORDS) + "."
        elif roll < 0.8:
            s = s[:-1] + " {{Glossary(\"" + rng.choice(WORDS) + "\")}}."
        out.append(s)
    return " ".join(out)


def code_block(rng, lang, nolint=False):
    lines = []
    for _ in range(rng.randint(3, 14)):
        indent = "  " * rng.randint(0, 2)
        if lang == "css":
            lines.append(f"{indent}{rng.choice(WORDS)}-{rng.choice(WORDS)}: {rng.randint(0, 99)}px;")
        elif lang == "html":
            tag = rng.choice(["p", "div", "span", "button", "section", "li"])
            lines.append(f"{indent}<{tag} class=\"{rng.choice(WORDS)}\">{words(rng, 3)}</{tag}>")
        elif lang == "http":
            lines.append(f"{ident(rng).capitalize()}: {words(rng, 2)}")
        else:
            lines.append(f"{indent}const {ident(rng)} = {ident(rng)}.{ident(rng)}({rng.randint(0, 9)}); // {words(rng, 4)}")
    tag = lang + ("-nolint" if nolint else "")
    return f"```{tag}\n" + "\n".join(lines) + "\n```"


def macro_sidebar(sidebar):
    # The body's own sidebar macro, where the front matter names none.
    return {"jsref": "JSRef", "cssref": "CSSRef", "http": "HTTPSidebar"}.get(sidebar, "APIRef")


def front_matter(rng, title, slug, page_type, sidebar):
    # A title with ": " in it is quoted, or YAML would read a mapping.
    quoted = f'"{title}"' if ": " in title else title
    lines = ["---", f"title: {quoted}"]
    if rng.random() < 0.3:
        lines.append(f"short-title: {title.split('.')[-1].split(': ')[-1]}")
    lines.append(f"slug: {slug}")
    lines.append(f"page-type: {page_type}")
    status = [s for s, p in (("experimental", 0.08), ("deprecated", 0.05),
                             ("non-standard", 0.04)) if rng.random() < p]
    if status:
        lines.append("status:")
        lines.extend(f"  - {s}" for s in status)
    if rng.random() < 0.65:
        compat = f"api.{title.replace('()', '').replace(' ', '_')}"
        if rng.random() < 0.05:
            lines.append("browser-compat:")
            lines.append(f"  - {compat}")
            lines.append(f"  - {compat}.{ident(rng)}")
        else:
            lines.append(f"browser-compat: {compat}")
    if rng.random() < 0.12:
        lines.append(f"spec-urls: https://{rng.choice(['html.spec.whatwg.org', 'drafts.csswg.org', 'tc39.es', 'w3c.github.io'])}/#{ident(rng)}")
    if rng.random() < 0.5:
        lines.append(f"sidebar: {sidebar}")
    lines.append("---")
    return "\n".join(lines)


def page(seed, i):
    rng = random.Random(f"{seed}:{i}")
    weights = [s[0] for s in SECTIONS]
    _, folder, prefix, types, macro, sidebar = rng.choices(SECTIONS, weights)[0]
    parent = ident(rng).capitalize()
    if parent in ("True", "False", "Null"):  # YAML would read a boolean or null title
        parent += "Object"
    leaf = ident(rng)
    page_type = rng.choice(types)
    depth = rng.random()
    if depth < 0.25:
        segments = [parent]
        title = parent
    else:
        segments = [parent, leaf]
        title = f"{parent}.{leaf}()" if "method" in page_type or "function" in page_type else f"{parent}: {leaf}"
    # Folder names are unique per page: MDN's are the slug, lowercased.
    segments[-1] = f"{segments[-1]}_{i}"
    slug = f"{prefix}/" + "/".join(segments)
    path = os.path.join("files", "en-us", folder, *(s.lower() for s in segments), "index.md")

    lang = CODE_LANGS[macro]
    target = rng.randint(3000, 8000)
    parts = [front_matter(rng, title, slug, page_type, sidebar)]
    if "sidebar:" not in parts[0]:
        parts.append(f'{{{{{macro_sidebar(sidebar)}("{parent}")}}}}')
    if "experimental" in parts[0]:
        parts.append("{{SeeCompatTable}}")
    parts.append(f"The **`{leaf}`** {page_type.split('-')[-1]} of the {macro_ref(rng, macro, prefix)} "
                 f"{rng.choice(WORDS)} {paragraph(rng, macro, prefix)}")
    if rng.random() < 0.4:
        parts.append(f'{{{{EmbedInteractiveExample("pages/{lang}/{leaf.lower()}.html")}}}}')
    parts.append("## Syntax")
    parts.append(code_block(rng, lang, nolint=True))
    parts.append("### Parameters")
    for _ in range(rng.randint(1, 4)):
        parts.append(f"- `{ident(rng)}` {{{{optional_inline}}}}\n  - : {paragraph(rng, macro, prefix)}")
    parts.append("### Return value")
    parts.append(paragraph(rng, macro, prefix))
    parts.append("## Description")
    parts.append(paragraph(rng, macro, prefix))
    if rng.random() < 0.3:
        parts.append(f"> [!NOTE]\n> {paragraph(rng, macro, prefix)}")
    if rng.random() < 0.2:
        rows = ["| Value | Meaning |", "| --- | --- |"]
        rows += [f"| `{ident(rng)}` | {sentence(rng, 4, 10)} |" for _ in range(rng.randint(2, 6))]
        parts.append("\n".join(rows))
    parts.append("## Examples")
    while sum(len(p) + 2 for p in parts) < target - 700:
        parts.append(f"### {sentence(rng, 2, 6)[:-1]}")
        parts.append(paragraph(rng, macro, prefix))
        parts.append(code_block(rng, lang))
        if rng.random() < 0.3:
            parts.append(f'{{{{EmbedLiveSample("{leaf}", "", {rng.choice([100, 200, 300])})}}}}')
    parts.append("## Specifications")
    parts.append("{{Specifications}}")
    parts.append("## Browser compatibility")
    parts.append("{{Compat}}")
    parts.append("## See also")
    see = [f"- {macro_ref(rng, macro, prefix)}" for _ in range(rng.randint(1, 3))]
    see += [f"- {link(rng, prefix)}" for _ in range(rng.randint(1, 4))]
    parts.append("\n".join(see))
    return path, "\n\n".join(parts) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out")
    parser.add_argument("n", type=int, nargs="?", default=14000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "package.json"), "w") as f:
        json.dump({"name": "mdn-content", "private": True,
                   "scripts": {"start": "rari serve"}}, f, indent=2)
        f.write("\n")
    total = 0
    for i in range(args.n):
        path, text = page(args.seed, i)
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total += len(text.encode())
    print(f"{args.n} pages, {total / 1e6:.1f} MB, in {args.out}")


if __name__ == "__main__":
    main()
