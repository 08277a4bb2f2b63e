//! Generator profiles: which front matter keys a generator reads for each concept, how it
//! derives a post's slug, and how postlint tells which generator a blog is built with.

use std::fmt;

use serde::Deserialize;

use crate::rules::FieldNames;

/// The static-site generators postlint knows the conventions of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    Hexo,
    Hugo,
    Jekyll,
    Astro,
    Docusaurus,
    Vitepress,
    Zola,
    /// No generator's conventions: every common key name is accepted.
    Generic,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hexo => "hexo",
            Generator::Hugo => "hugo",
            Generator::Jekyll => "jekyll",
            Generator::Astro => "astro",
            Generator::Docusaurus => "docusaurus",
            Generator::Vitepress => "vitepress",
            Generator::Zola => "zola",
            Generator::Generic => "generic",
        }
    }
}

impl fmt::Display for Generator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The front matter keys a generator (or its popular themes) reads for each concept, in
/// order of preference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fields {
    pub title: FieldNames,
    pub description: FieldNames,
    pub cover: FieldNames,
    pub slug: FieldNames,
    pub date: FieldNames,
    pub updated: FieldNames,
    pub tags: FieldNames,
    pub categories: FieldNames,
    pub draft: FieldNames,
}

/// The concepts, as `[fields]` in postlint.toml names them.
pub const CONCEPTS: [&str; 9] = [
    "title",
    "description",
    "cover",
    "slug",
    "date",
    "updated",
    "tags",
    "categories",
    "draft",
];

impl Fields {
    pub fn get(&self, concept: &str) -> Option<&FieldNames> {
        Some(match concept {
            "title" => &self.title,
            "description" => &self.description,
            "cover" => &self.cover,
            "slug" => &self.slug,
            "date" => &self.date,
            "updated" => &self.updated,
            "tags" => &self.tags,
            "categories" => &self.categories,
            "draft" => &self.draft,
            _ => return None,
        })
    }

    pub fn get_mut(&mut self, concept: &str) -> Option<&mut FieldNames> {
        Some(match concept {
            "title" => &mut self.title,
            "description" => &mut self.description,
            "cover" => &mut self.cover,
            "slug" => &mut self.slug,
            "date" => &mut self.date,
            "updated" => &mut self.updated,
            "tags" => &mut self.tags,
            "categories" => &mut self.categories,
            "draft" => &mut self.draft,
            _ => return None,
        })
    }
}

/// What postlint knows of the generator a blog is built with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub generator: Generator,
    pub fields: Fields,
    /// Whether a slug key in the front matter sets the URL; Hexo overwrites it with the
    /// file name.
    pub slug_from_front_matter: bool,
    /// Whether and how the page's template prints its title above the body.
    pub title_heading: TitleHeading,
    /// Whether postlint.toml sets `title-heading`, which then wins over what the site's
    /// templates show.
    pub title_heading_configured: bool,
}

/// Whether and how a page's template prints the page's title above the body, as a heading
/// the body's outline starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleHeading {
    /// markdownlint's reading (MD001, MD025 `front_matter_title`): a `title` in the front
    /// matter is the page's h1.
    FrontMatter,
    /// The template prints the title as a heading of this level (1 to 6), when the page has
    /// one.
    Level(u8),
    /// Docusaurus: the title is printed as an h1 unless the content opens with its own h1,
    /// which is then the title (theme-classic's `DocItem/Content`, `useSyntheticTitle`).
    UnlessBodyOpensWithH1,
    /// The template prints no title heading: the body's own headings are the outline
    /// (VitePress's default theme renders only the content).
    None,
}

impl TitleHeading {
    /// The default of a generator, from its default or most used themes.
    pub fn of(generator: Generator) -> TitleHeading {
        match generator {
            // Hexo's landscape and NexT (`<h1 class="post-title">`), Hugo's PaperMod and
            // Ananke, Jekyll's minima (`_layouts/post.html`), Zola's documented example
            // templates and Astro's blog starter (`BlogPost.astro`) print the title as h1.
            Generator::Hexo
            | Generator::Hugo
            | Generator::Jekyll
            | Generator::Zola
            | Generator::Astro => TitleHeading::Level(1),
            Generator::Docusaurus => TitleHeading::UnlessBodyOpensWithH1,
            Generator::Vitepress => TitleHeading::None,
            Generator::Generic => TitleHeading::FrontMatter,
        }
    }

    /// Reads `title-heading` of postlint.toml: `"h1"` to `"h6"`, or `"none"`.
    pub fn parse(text: &str) -> Option<TitleHeading> {
        match text.trim().to_ascii_lowercase().as_str() {
            "none" => Some(TitleHeading::None),
            level => {
                let digit = level.strip_prefix('h')?.parse::<u8>().ok()?;
                (1..=6)
                    .contains(&digit)
                    .then_some(TitleHeading::Level(digit))
            }
        }
    }
}

fn names(names: &[&str]) -> FieldNames {
    FieldNames::new(names)
}

impl Profile {
    pub fn new(generator: Generator) -> Profile {
        use Generator::*;
        let title = names(&["title"]);
        let fields = match generator {
            Hexo => Fields {
                title,
                // NexT and Butterfly read `description`, Fluid `excerpt`.
                description: names(&["description", "excerpt"]),
                // Butterfly `cover`/`top_img`, Fluid `index_img`/`banner_img`.
                cover: names(&["cover", "index_img", "top_img", "thumbnail", "banner_img"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["updated"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["published"]),
            },
            Hugo => Fields {
                title,
                description: names(&["description", "summary"]),
                // `images` feeds Hugo's own Open Graph template; PaperMod `cover`,
                // Ananke `featured_image`.
                cover: names(&["images", "cover", "featured_image", "image"]),
                slug: names(&["url", "slug"]),
                date: names(&["date", "publishDate", "pubdate", "published"]),
                updated: names(&["lastmod", "modified"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Jekyll => Fields {
                title,
                // jekyll-seo-tag: `description`, falling back to the excerpt.
                description: names(&["description", "excerpt"]),
                cover: names(&["image"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["last_modified_at"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["published"]),
            },
            Astro => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["heroImage", "image", "cover"]),
                slug: names(&["slug"]),
                date: names(&["pubDate", "date"]),
                updated: names(&["updatedDate"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Docusaurus => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["last_update"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft", "unlisted"]),
            },
            Vitepress => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image", "cover"]),
                slug: names(&["slug"]),
                date: names(&["date"]),
                updated: names(&["lastUpdated"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Zola => Fields {
                title,
                description: names(&["description"]),
                cover: names(&["image", "cover"]),
                slug: names(&["path", "slug"]),
                date: names(&["date"]),
                updated: names(&["updated"]),
                tags: names(&["tags"]),
                categories: names(&["categories"]),
                draft: names(&["draft"]),
            },
            Generic => Fields {
                title,
                description: names(&["excerpt", "description", "summary"]),
                cover: names(&[
                    "cover",
                    "image",
                    "images",
                    "featured_image",
                    "thumbnail",
                    "heroImage",
                    "banner",
                    "og_image",
                ]),
                slug: names(&["slug"]),
                date: names(&["date", "pubDate", "publishDate"]),
                updated: names(&["updated", "lastmod", "updatedDate", "last_modified_at"]),
                tags: names(&["tags", "tag"]),
                categories: names(&["categories", "category"]),
                draft: names(&["draft"]),
            },
        };
        Profile {
            generator,
            fields,
            slug_from_front_matter: generator != Hexo,
            title_heading: TitleHeading::of(generator),
            title_heading_configured: false,
        }
    }
}

impl Default for Profile {
    fn default() -> Profile {
        Profile::new(Generator::Generic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hexo_overwrites_the_slug_with_the_file_name() {
        assert!(!Profile::new(Generator::Hexo).slug_from_front_matter);
        assert!(Profile::new(Generator::Hugo).slug_from_front_matter);
    }
}
