//! The title heading a site's own templates print above a page's body, read from the
//! templates: Zola's `page.html` with `<h2 class="title">{{ page.title }}</h2>`, a Jekyll
//! layout with `<h1>{{ page.title }}</h1>`. Heading rules start the outline from it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::paths;

/// Templates bigger than this are not read: no real template comes close.
const MAX_TEMPLATE_SIZE: u64 = 1 << 20;
/// How many parents (`{% extends %}`, a layout's `layout:`) are followed.
const MAX_PARENTS: usize = 8;

/// Where a template prints the page's title as a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateTitle {
    /// 1 to 6.
    pub level: u8,
    /// The template, from the site's root (`templates/page.html`).
    pub template: String,
}

/// How one generator's templates are found and read.
#[derive(Debug)]
pub struct Templates {
    root: PathBuf,
    /// The folders a template name is looked up in, in order (the site's, then its theme's).
    folders: Vec<PathBuf>,
    /// File name endings tried after the name (`""` when names carry their extension).
    extensions: &'static [&'static str],
    /// What prints the page's title in this template language (`page.title`).
    title: &'static [&'static str],
    /// The template a template's content goes into, from its text.
    parent: fn(&str) -> Option<String>,
    cache: Mutex<HashMap<String, Option<TemplateTitle>>>,
}

impl Templates {
    pub fn new(
        root: &Path,
        folders: Vec<PathBuf>,
        extensions: &'static [&'static str],
        title: &'static [&'static str],
        parent: fn(&str) -> Option<String>,
    ) -> Templates {
        Templates {
            root: root.to_owned(),
            folders,
            extensions,
            title,
            parent,
            cache: Mutex::default(),
        }
    }

    /// The title heading the template `name` prints, or a template it goes into; `None` when
    /// none of them is found or prints the title in a heading of its own (it may do so
    /// through a partial, which is not followed).
    pub fn title(&self, name: &str) -> Option<TemplateTitle> {
        if let Some(known) = self.cache.lock().ok()?.get(name) {
            return known.clone();
        }
        let mut found = None;
        let mut next = Some(name.to_owned());
        for _ in 0..MAX_PARENTS {
            let Some(name) = next.take() else { break };
            let Some((path, text)) = self.read(&name) else {
                break;
            };
            if let Some(level) = title_level(&text, self.title) {
                found = Some(TemplateTitle {
                    level,
                    template: paths::relative_to(&self.root, &self.root, &path).unwrap_or_default(),
                });
                break;
            }
            next = (self.parent)(&text);
        }
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(name.to_owned(), found.clone());
        }
        found
    }

    /// The template `name`, from the first folder that has it; never a file outside the
    /// site's root (a hostile `template = "../../etc/passwd"`).
    fn read(&self, name: &str) -> Option<(PathBuf, String)> {
        let canonical_root = self.root.canonicalize().ok()?;
        for folder in &self.folders {
            for extension in self.extensions {
                let path = paths::normalize(&folder.join(format!("{name}{extension}")));
                if !path.starts_with(folder) {
                    return None;
                }
                let Ok(metadata) = std::fs::metadata(&path) else {
                    continue;
                };
                let inside = path
                    .canonicalize()
                    .is_ok_and(|real| real.starts_with(&canonical_root));
                if !metadata.is_file() || metadata.len() > MAX_TEMPLATE_SIZE || !inside {
                    continue;
                }
                let text = std::fs::read_to_string(&path).ok()?;
                return Some((path, text));
            }
        }
        None
    }
}

/// The level of the first `<hN>` element of `template` whose content prints one of the
/// title expressions.
pub fn title_level(template: &str, title: &[&str]) -> Option<u8> {
    let bytes = template.as_bytes();
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&bytes[at..], b"<h") {
        let start = at + found;
        at = start + 2;
        let Some(&digit) = bytes.get(start + 2) else {
            break;
        };
        let boundary = bytes
            .get(start + 3)
            .is_some_and(|&b| b == b'>' || b.is_ascii_whitespace());
        if !(b'1'..=b'6').contains(&digit) || !boundary {
            continue;
        }
        // The element's content, up to its end tag; a title is printed near its start.
        let close = format!("</h{}", digit as char);
        let rest = &template[start..];
        let end = rest
            .find(&close)
            .unwrap_or(rest.len())
            .min(rest.len().min(400));
        let content = rest.get(..end).unwrap_or_default();
        if title.iter().any(|expression| content.contains(expression)) {
            return Some(digit - b'0');
        }
    }
    None
}

/// The template a Tera or Jinja template extends (`{% extends "base.html" %}`).
pub fn extended(template: &str) -> Option<String> {
    let at = template.find("{%")?;
    let tag = &template[at + 2..];
    let tag = tag[..tag.find("%}")?].trim().trim_start_matches('-').trim();
    let name = tag.strip_prefix("extends")?.trim();
    let name = name.trim_matches(|c| c == '"' || c == '\'');
    (!name.is_empty()).then(|| name.to_owned())
}

/// The layout a Jekyll layout goes into: the `layout` of its front matter.
pub fn front_matter_layout(template: &str) -> Option<String> {
    let rest = template.strip_prefix("---")?;
    let end = rest.find("\n---")?;
    rest[..end].lines().find_map(|line| {
        let value = line.strip_prefix("layout:")?.trim();
        let value = value.trim_matches(|c| c == '"' || c == '\'');
        (!value.is_empty() && value != "null" && value != "none").then(|| value.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZOLA: &[&str] = &["page.title", "section.title"];

    #[test]
    fn the_first_heading_that_prints_the_title() {
        assert_eq!(
            title_level(
                "<h1>{{ config.title }}</h1>\n<article><h2 class=\"title\">\n  {{ page.title }}\n</h2>",
                ZOLA
            ),
            Some(2)
        );
        assert_eq!(title_level("<h1>{{page.title}}</h1>", ZOLA), Some(1));
        assert_eq!(title_level("<header>{{ page.title }}</header>", ZOLA), None);
        assert_eq!(title_level("<hr><h7>{{ page.title }}", ZOLA), None);
        assert_eq!(title_level("<h", ZOLA), None);
        assert_eq!(title_level("<h3", ZOLA), None);
    }

    #[test]
    fn parents() {
        assert_eq!(
            extended("{% extends \"base.html\" %}\n{% block content %}").as_deref(),
            Some("base.html")
        );
        assert_eq!(extended("{% block content %}"), None);
        assert_eq!(
            front_matter_layout("---\nlayout: default\n---\n<h1>").as_deref(),
            Some("default")
        );
        assert_eq!(front_matter_layout("<h1>{{ page.title }}</h1>"), None);
    }

    #[test]
    fn templates_are_read_from_the_site_only() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("templates")).unwrap();
        std::fs::create_dir_all(root.join("themes/t/templates")).unwrap();
        std::fs::write(
            root.join("templates/page.html"),
            "{% extends \"base.html\" %}{% block content %}{{ page.content }}{% endblock %}",
        )
        .unwrap();
        std::fs::write(
            root.join("themes/t/templates/base.html"),
            "<h2>{{ page.title }}</h2>{% block content %}{% endblock %}",
        )
        .unwrap();
        std::fs::write(dir.path().join("secret.html"), "<h4>{{ page.title }}</h4>").unwrap();
        let templates = Templates::new(
            &root,
            vec![root.join("templates"), root.join("themes/t/templates")],
            &[""],
            ZOLA,
            extended,
        );
        assert_eq!(
            templates.title("page.html"),
            Some(TemplateTitle {
                level: 2,
                template: "themes/t/templates/base.html".into()
            })
        );
        assert_eq!(templates.title("../../secret.html"), None);
        assert_eq!(templates.title("missing.html"), None);
    }
}
