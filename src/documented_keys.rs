//! The front matter keys each generator documents, and those its most used themes and
//! plugins document, with the value types the documentation gives and the page it says
//! so on.
//!
//! Only documented keys are here: a key a generator reads but never documents (Hexo's
//! `category` and `tag`, read as `categories` and `tags`) is left to the profile, and a
//! key a site adds for its own templates is the site's. A key is listed once per
//! generator: where the generator documents it, the generator is its source; where only
//! themes or plugins do, the source is the one whose page is linked, and the types are
//! those all of them accept together.
//!
//! Types are as the documentation writes them, not as leniently as a generator may read
//! them: Hugo documents taxonomies as arrays, though it takes a single string too. A rule
//! that wants leniency decides it itself.

use std::cmp::Ordering;

use crate::post::{Value, ValueKind};
use crate::profile::Generator;

use KeyType as T;

/// The source of keys the generator documents, short for the tables.
const GEN: Source = Source::Generator;

/// A kind of value a key is documented to take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyType {
    String,
    Bool,
    /// A whole number (Hugo's and Zola's `weight`).
    Integer,
    /// Any number (Docusaurus's `sidebar_position`).
    Number,
    /// A date or date and time, written as text (TOML datetimes are read as text too).
    Date,
    List,
    Map,
    /// An explicit `null` that means something (Docusaurus's `pagination_next: null`).
    Null,
}

impl KeyType {
    /// Whether a value of this kind is of this type.
    pub fn accepts(self, kind: &ValueKind) -> bool {
        match (self, kind) {
            (KeyType::String | KeyType::Date, ValueKind::String(_))
            | (KeyType::Bool, ValueKind::Bool(_))
            | (KeyType::Number, ValueKind::Number(_))
            | (KeyType::List, ValueKind::List(_))
            | (KeyType::Map, ValueKind::Map(_))
            | (KeyType::Null, ValueKind::Null) => true,
            (KeyType::Integer, ValueKind::Number(number)) => number.parse::<i64>().is_ok(),
            _ => false,
        }
    }
}

/// Who documents a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The generator itself, or a part of it every site has (Hugo's embedded templates,
    /// Docusaurus's content plugins).
    Generator,
    /// A plugin many sites install (`jekyll-seo-tag`, `hexo-generator-index`).
    Plugin(&'static str),
    /// A theme, or for VitePress its default theme, or for Astro its blog template.
    Theme(&'static str),
}

/// A front matter key as its documentation describes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocumentedKey {
    pub name: &'static str,
    pub types: &'static [KeyType],
    pub source: Source,
    /// The page that documents the key.
    pub url: &'static str,
}

impl DocumentedKey {
    /// Whether `value` is of a documented type. An empty value (`key:`) always is: the
    /// generators take it as the key not being set.
    pub fn accepts(&self, value: &Value) -> bool {
        matches!(value.kind, ValueKind::Null) || self.types.iter().any(|ty| ty.accepts(&value.kind))
    }
}

/// The keys documented for `generator`, sorted by name without regard to case. None for
/// [`Generator::Generic`], which has no documentation of its own.
pub fn documented(generator: Generator) -> &'static [DocumentedKey] {
    match generator {
        Generator::Hexo => HEXO,
        Generator::Hugo => HUGO,
        Generator::Jekyll => JEKYLL,
        Generator::Astro => ASTRO,
        Generator::Docusaurus => DOCUSAURUS,
        Generator::Vitepress => VITEPRESS,
        Generator::Zola => ZOLA,
        Generator::Generic => &[],
    }
}

/// The documented key `key`, as the generator matches keys: Hugo without regard to ASCII
/// case (`expirydate` is `expiryDate`), the others exactly.
pub fn lookup(generator: Generator, key: &str) -> Option<&'static DocumentedKey> {
    let table = documented(generator);
    let found = &table[table
        .binary_search_by(|documented| compare_ignoring_case(documented.name, key))
        .ok()?];
    (generator == Generator::Hugo || found.name == key).then_some(found)
}

/// Whether `key` follows the convention of a private key, one that starts with `_`: a
/// site's own bookkeeping, never reported as unknown or misspelled.
pub fn is_private(key: &str) -> bool {
    key.starts_with('_')
}

fn compare_ignoring_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|byte| byte.to_ascii_lowercase())
        .cmp(b.bytes().map(|byte| byte.to_ascii_lowercase()))
}

const fn key(
    name: &'static str,
    types: &'static [KeyType],
    source: Source,
    url: &'static str,
) -> DocumentedKey {
    DocumentedKey {
        name,
        types,
        source,
        url,
    }
}

const HEXO_FRONT_MATTER: &str = "https://hexo.io/docs/front-matter";
const HEXO_VARIABLES: &str = "https://hexo.io/docs/variables#Page-Variables";
const HEXO_OPEN_GRAPH: &str = "https://hexo.io/docs/helpers#open-graph";
const HEXO_INDEX: &str = "https://github.com/hexojs/hexo-generator-index#usage";
const NEXT: Source = Source::Theme("NexT");
const NEXT_URL: &str = "https://theme-next.js.org/docs/advanced-settings/front-matter";
const BUTTERFLY: Source = Source::Theme("Butterfly");
const BUTTERFLY_URL: &str = "https://butterfly.js.org/posts/butterfly-docs-en-theme-pages/";
const FLUID: Source = Source::Theme("Fluid");
const FLUID_URL: &str = "https://hexo.fluid-dev.com/docs/en/guide/";
const ICARUS: Source = Source::Theme("Icarus");
const ICARUS_URL: &str = "https://ppoffice.github.io/hexo-theme-icarus/Configuration/icarus-user-guide-configuring-the-theme/";

const HEXO: &[DocumentedKey] = &[
    key("abcjs", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("aplayer", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("archive", &[T::Bool], FLUID, FLUID_URL),
    // Icarus takes any section of its configuration in the front matter, for that page.
    key("article", &[T::Map], ICARUS, ICARUS_URL),
    key("aside", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("author", &[T::String], NEXT, NEXT_URL),
    key("banner_img", &[T::String], FLUID, FLUID_URL),
    key("banner_img_height", &[T::Number], FLUID, FLUID_URL),
    key("banner_mask_alpha", &[T::Number], FLUID, FLUID_URL),
    key("categories", &[T::List, T::String], GEN, HEXO_FRONT_MATTER),
    // Fluid: on or off, or the comment system to use; Icarus: its comment settings.
    key("comment", &[T::Bool, T::String, T::Map], FLUID, FLUID_URL),
    key("comments", &[T::Bool], GEN, HEXO_FRONT_MATTER),
    key("copyright", &[T::Bool], NEXT, NEXT_URL),
    key("copyright_author", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key(
        "copyright_author_href",
        &[T::String],
        BUTTERFLY,
        BUTTERFLY_URL,
    ),
    key("copyright_info", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key("copyright_url", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    // An image, or `false` for none (Butterfly; Icarus takes an image).
    key("cover", &[T::String, T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("date", &[T::Date], GEN, HEXO_FRONT_MATTER),
    key("description", &[T::String], NEXT, NEXT_URL),
    key("direction", &[T::String], NEXT, NEXT_URL),
    key("disableNunjucks", &[T::Bool], GEN, HEXO_FRONT_MATTER),
    key("donates", &[T::List], ICARUS, ICARUS_URL),
    key("excerpt", &[T::String], GEN, HEXO_FRONT_MATTER),
    key("flink_url", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key("header", &[T::Bool], NEXT, NEXT_URL),
    key("hide", &[T::Bool], FLUID, FLUID_URL),
    key("highlight_shrink", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("index_img", &[T::String], FLUID, FLUID_URL),
    key("katex", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("keywords", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key("lang", &[T::String], GEN, HEXO_FRONT_MATTER),
    // The `open_graph` helper's locale: `page.lang || page.language`.
    key("language", &[T::String], GEN, HEXO_OPEN_GRAPH),
    // `false` renders the page without the theme.
    key("layout", &[T::String, T::Bool], GEN, HEXO_FRONT_MATTER),
    key("lazyload", &[T::Bool], FLUID, FLUID_URL),
    key("link", &[T::String], GEN, HEXO_VARIABLES),
    key("math", &[T::Bool], FLUID, FLUID_URL),
    key("mathjax", &[T::Bool], NEXT, NEXT_URL),
    key("mermaid", &[T::Bool], FLUID, FLUID_URL),
    key("og_img", &[T::String], FLUID, FLUID_URL),
    // `1`/`asc` or `-1`/`desc`, on Butterfly's tags page.
    key("order", &[T::Number, T::String], BUTTERFLY, BUTTERFLY_URL),
    key("orderby", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key("permalink", &[T::String], GEN, HEXO_FRONT_MATTER),
    key("photos", &[T::List], GEN, HEXO_VARIABLES),
    key("plugins", &[T::Map], ICARUS, ICARUS_URL),
    key("post_link", &[T::String], NEXT, NEXT_URL),
    key("providers", &[T::Map], ICARUS, ICARUS_URL),
    key("published", &[T::Bool], GEN, HEXO_FRONT_MATTER),
    key("quicklink", &[T::Map], NEXT, NEXT_URL),
    key("random", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("reward_settings", &[T::Map], NEXT, NEXT_URL),
    key("search", &[T::Map], ICARUS, ICARUS_URL),
    key("share", &[T::Map], ICARUS, ICARUS_URL),
    // NexT: shown or not; Icarus: its sidebar settings.
    key("sidebar", &[T::Bool, T::Map], NEXT, NEXT_URL),
    key(
        "sticky",
        &[T::Number],
        Source::Plugin("hexo-generator-index"),
        HEXO_INDEX,
    ),
    key("subtitle", &[T::String], FLUID, FLUID_URL),
    key("tags", &[T::List, T::String], GEN, HEXO_FRONT_MATTER),
    key("thumbnail", &[T::String], ICARUS, ICARUS_URL),
    key("title", &[T::String], GEN, HEXO_FRONT_MATTER),
    // NexT: its TOC settings; Butterfly and Icarus: shown or not.
    key("toc", &[T::Bool, T::Map], NEXT, NEXT_URL),
    key("toc_number", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("toc_style_simple", &[T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("top_img", &[T::String, T::Bool], BUTTERFLY, BUTTERFLY_URL),
    key("type", &[T::String], BUTTERFLY, BUTTERFLY_URL),
    key("updated", &[T::Date], GEN, HEXO_FRONT_MATTER),
    key("widgets", &[T::List], ICARUS, ICARUS_URL),
];

const HUGO_FRONT_MATTER: &str = "https://gohugo.io/content-management/front-matter/";
const HUGO_MENUS: &str = "https://gohugo.io/content-management/menus/#define-in-front-matter";
const HUGO_TAXONOMIES: &str = "https://gohugo.io/content-management/taxonomies/";
const HUGO_EMBEDDED: &str = "https://gohugo.io/templates/embedded/";
const HUGO_MATH: &str = "https://gohugo.io/content-management/mathematics/";
const PAPERMOD: Source = Source::Theme("PaperMod");
const PAPERMOD_URL: &str = "https://github.com/adityatelange/hugo-PaperMod/blob/exampleSite/content/posts/papermod/papermod-variables.md";
const ANANKE: Source = Source::Theme("Ananke");
const ANANKE_URL: &str = "https://github.com/theNewDynamic/gohugo-theme-ananke#readme";

const HUGO: &[DocumentedKey] = &[
    key("aliases", &[T::List], GEN, HUGO_FRONT_MATTER),
    key("audio", &[T::List], GEN, HUGO_EMBEDDED),
    key("author", &[T::String, T::List], PAPERMOD, PAPERMOD_URL),
    key("build", &[T::Map], GEN, HUGO_FRONT_MATTER),
    key("CanonicalLinkText", &[T::String], PAPERMOD, PAPERMOD_URL),
    key("canonicalURL", &[T::String], PAPERMOD, PAPERMOD_URL),
    key("cascade", &[T::Map, T::List], GEN, HUGO_FRONT_MATTER),
    // A default taxonomy: the plural name of a taxonomy is its front matter key.
    key("categories", &[T::List], GEN, HUGO_TAXONOMIES),
    key("categories_weight", &[T::Integer], GEN, HUGO_TAXONOMIES),
    key("comments", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("cover", &[T::Map], PAPERMOD, PAPERMOD_URL),
    key("date", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("description", &[T::String], GEN, HUGO_FRONT_MATTER),
    key(
        "disableAnchoredHeadings",
        &[T::Bool],
        PAPERMOD,
        PAPERMOD_URL,
    ),
    key("disableHLJS", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("disableShare", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("disqus_identifier", &[T::String], GEN, HUGO_EMBEDDED),
    key("disqus_title", &[T::String], GEN, HUGO_EMBEDDED),
    key("disqus_url", &[T::String], GEN, HUGO_EMBEDDED),
    key("draft", &[T::Bool], GEN, HUGO_FRONT_MATTER),
    key("editPost", &[T::Map], PAPERMOD, PAPERMOD_URL),
    key("expiryDate", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("featured_image", &[T::String], ANANKE, ANANKE_URL),
    key("headless", &[T::Bool], GEN, HUGO_FRONT_MATTER),
    key("hiddenInHomelist", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("hideFooter", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("hidemeta", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("hideSummary", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    // Read by the embedded Open Graph, Schema and X card templates.
    key("images", &[T::List], GEN, HUGO_EMBEDDED),
    key("isCJKLanguage", &[T::Bool], GEN, HUGO_FRONT_MATTER),
    key("keywords", &[T::List], GEN, HUGO_FRONT_MATTER),
    key("lastmod", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("layout", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("linkTitle", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("locale", &[T::String], GEN, HUGO_EMBEDDED),
    key("markup", &[T::String], GEN, HUGO_FRONT_MATTER),
    // The parameter Hugo's own guide reads to load a math engine only where needed.
    key("math", &[T::Bool], GEN, HUGO_MATH),
    // An alias of `menus`.
    key("menu", &[T::String, T::List, T::Map], GEN, HUGO_MENUS),
    key(
        "menus",
        &[T::String, T::List, T::Map],
        GEN,
        HUGO_FRONT_MATTER,
    ),
    // An alias of `lastmod`.
    key("modified", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("omit_header_text", &[T::Bool], ANANKE, ANANKE_URL),
    key("outputs", &[T::List], GEN, HUGO_FRONT_MATTER),
    key("page_scripts", &[T::Map], ANANKE, ANANKE_URL),
    key("params", &[T::Map], GEN, HUGO_FRONT_MATTER),
    // An alias of `publishDate`.
    key("pubdate", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("publishDate", &[T::Date], GEN, HUGO_FRONT_MATTER),
    // An alias of `publishDate`.
    key("published", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("resources", &[T::List], GEN, HUGO_FRONT_MATTER),
    key("robotsNoIndex", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("searchHidden", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("series", &[T::List], GEN, HUGO_EMBEDDED),
    key("ShareButtons", &[T::List], PAPERMOD, PAPERMOD_URL),
    key("show_reading_time", &[T::Bool], ANANKE, ANANKE_URL),
    key("ShowBreadCrumbs", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("ShowCanonicalLink", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("ShowCodeCopyButtons", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("ShowPostNavLinks", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("ShowReadingTime", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key(
        "ShowRssButtonInSectionTermList",
        &[T::Bool],
        PAPERMOD,
        PAPERMOD_URL,
    ),
    key("showtoc", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("ShowWordCount", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("sitemap", &[T::Map], GEN, HUGO_FRONT_MATTER),
    key("sites", &[T::Map], GEN, HUGO_FRONT_MATTER),
    key("slug", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("summary", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("tags", &[T::List], GEN, HUGO_TAXONOMIES),
    key("tags_weight", &[T::Integer], GEN, HUGO_TAXONOMIES),
    key("title", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("toc", &[T::Bool], ANANKE, ANANKE_URL),
    key("tocopen", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("translationKey", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("type", &[T::String], GEN, HUGO_FRONT_MATTER),
    // An alias of `expiryDate`.
    key("unpublishdate", &[T::Date], GEN, HUGO_FRONT_MATTER),
    key("url", &[T::String], GEN, HUGO_FRONT_MATTER),
    key("UseHugoToc", &[T::Bool], PAPERMOD, PAPERMOD_URL),
    key("videos", &[T::List], GEN, HUGO_EMBEDDED),
    key("weight", &[T::Integer], GEN, HUGO_FRONT_MATTER),
];

const JEKYLL_FRONT_MATTER: &str = "https://jekyllrb.com/docs/front-matter/";
const JEKYLL_VARIABLES: &str = "https://jekyllrb.com/docs/variables/#page-variables";
const JEKYLL_EXCERPTS: &str = "https://jekyllrb.com/docs/posts/#post-excerpts";
const JEKYLL_LIQUID: &str = "https://jekyllrb.com/docs/liquid/tags/";
const SEO_TAG: Source = Source::Plugin("jekyll-seo-tag");
const SEO_TAG_USAGE: &str = "https://github.com/jekyll/jekyll-seo-tag/blob/master/docs/usage.md";
const SEO_TAG_ADVANCED: &str =
    "https://github.com/jekyll/jekyll-seo-tag/blob/master/docs/advanced-usage.md";
const REDIRECT_FROM: Source = Source::Plugin("jekyll-redirect-from");
const REDIRECT_FROM_URL: &str = "https://github.com/jekyll/jekyll-redirect-from#usage";

const JEKYLL: &[DocumentedKey] = &[
    key("author", &[T::String, T::Map], SEO_TAG, SEO_TAG_ADVANCED),
    key("authors", &[T::List], SEO_TAG, SEO_TAG_ADVANCED),
    key("canonical_url", &[T::String], SEO_TAG, SEO_TAG_ADVANCED),
    // A YAML list or a space-separated string.
    key(
        "categories",
        &[T::List, T::String],
        GEN,
        JEKYLL_FRONT_MATTER,
    ),
    key("category", &[T::String], GEN, JEKYLL_FRONT_MATTER),
    key("date", &[T::Date], GEN, JEKYLL_FRONT_MATTER),
    key("description", &[T::String], SEO_TAG, SEO_TAG_USAGE),
    key("excerpt", &[T::String], GEN, JEKYLL_VARIABLES),
    key("excerpt_separator", &[T::String], GEN, JEKYLL_EXCERPTS),
    key("ext", &[T::String], GEN, JEKYLL_VARIABLES),
    key("image", &[T::String, T::Map], SEO_TAG, SEO_TAG_ADVANCED),
    key("lang", &[T::String], SEO_TAG, SEO_TAG_USAGE),
    // The modification date jekyll-seo-tag gives search engines; the docs name it through
    // the jekyll-last-modified-at plugin, which sets it.
    key("last_modified_at", &[T::Date], SEO_TAG, SEO_TAG_ADVANCED),
    // `null` for no layout.
    key("layout", &[T::String, T::Null], GEN, JEKYLL_FRONT_MATTER),
    key("locale", &[T::String], SEO_TAG, SEO_TAG_USAGE),
    key("path", &[T::String], GEN, JEKYLL_VARIABLES),
    key("permalink", &[T::String], GEN, JEKYLL_FRONT_MATTER),
    key("published", &[T::Bool], GEN, JEKYLL_FRONT_MATTER),
    key(
        "redirect_from",
        &[T::String, T::List],
        REDIRECT_FROM,
        REDIRECT_FROM_URL,
    ),
    key(
        "redirect_to",
        &[T::String],
        REDIRECT_FROM,
        REDIRECT_FROM_URL,
    ),
    key("render_with_liquid", &[T::Bool], GEN, JEKYLL_LIQUID),
    key("seo", &[T::Map], SEO_TAG, SEO_TAG_ADVANCED),
    key(
        "seo_description_max_words",
        &[T::Integer],
        SEO_TAG,
        SEO_TAG_ADVANCED,
    ),
    // `false` leaves the page out of the sitemap.
    key(
        "sitemap",
        &[T::Bool],
        Source::Plugin("jekyll-sitemap"),
        "https://github.com/jekyll/jekyll-sitemap#exclusions",
    ),
    key("slug", &[T::String], GEN, JEKYLL_VARIABLES),
    key("tags", &[T::List, T::String], GEN, JEKYLL_FRONT_MATTER),
    key("title", &[T::String], GEN, JEKYLL_VARIABLES),
    key("title_category", &[T::String], SEO_TAG, SEO_TAG_ADVANCED),
];

const ZOLA_PAGE: &str = "https://www.getzola.org/documentation/content/page/#front-matter";
// Zola refuses a section whose front matter has a key not documented here.
const ZOLA_SECTION: &str = "https://www.getzola.org/documentation/content/section/#front-matter";

const ZOLA: &[DocumentedKey] = &[
    key("aliases", &[T::List], GEN, ZOLA_PAGE),
    key("authors", &[T::List], GEN, ZOLA_PAGE),
    key("date", &[T::Date], GEN, ZOLA_PAGE),
    key("description", &[T::String], GEN, ZOLA_PAGE),
    key("draft", &[T::Bool], GEN, ZOLA_PAGE),
    key("extra", &[T::Map], GEN, ZOLA_PAGE),
    key("generate_feeds", &[T::Bool], GEN, ZOLA_SECTION),
    key("in_search_index", &[T::Bool], GEN, ZOLA_PAGE),
    // `left`, `right`, `heading` or `none`.
    key("insert_anchor_links", &[T::String], GEN, ZOLA_SECTION),
    key("page_template", &[T::String], GEN, ZOLA_SECTION),
    key("paginate_by", &[T::Integer], GEN, ZOLA_SECTION),
    key("paginate_path", &[T::String], GEN, ZOLA_SECTION),
    key("paginate_reversed", &[T::Bool], GEN, ZOLA_SECTION),
    key("path", &[T::String], GEN, ZOLA_PAGE),
    key("redirect_to", &[T::String], GEN, ZOLA_SECTION),
    key("render", &[T::Bool], GEN, ZOLA_PAGE),
    key("slug", &[T::String], GEN, ZOLA_PAGE),
    key("sort_by", &[T::String], GEN, ZOLA_SECTION),
    // Taxonomy name to its terms: `[taxonomies] tags = ["rust"]`.
    key("taxonomies", &[T::Map], GEN, ZOLA_PAGE),
    key("template", &[T::String], GEN, ZOLA_PAGE),
    key("title", &[T::String], GEN, ZOLA_PAGE),
    key("transparent", &[T::Bool], GEN, ZOLA_SECTION),
    key("updated", &[T::Date], GEN, ZOLA_PAGE),
    key("weight", &[T::Integer], GEN, ZOLA_PAGE),
];

const DOCUSAURUS_DOCS: &str =
    "https://docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-docs#markdown-front-matter";
const DOCUSAURUS_BLOG: &str =
    "https://docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-blog#markdown-front-matter";
const DOCUSAURUS_PAGES: &str =
    "https://docusaurus.io/docs/api/plugins/@docusaurus/plugin-content-pages#markdown-front-matter";

/// Docs, blog posts and Markdown pages together; a key documented for more than one
/// links to the docs plugin's page.
const DOCUSAURUS: &[DocumentedKey] = &[
    key("author", &[T::String], GEN, DOCUSAURUS_BLOG),
    key("author_image_url", &[T::String], GEN, DOCUSAURUS_BLOG),
    key("author_title", &[T::String], GEN, DOCUSAURUS_BLOG),
    key("author_url", &[T::String], GEN, DOCUSAURUS_BLOG),
    // An author key, an author object, or a list of either.
    key(
        "authors",
        &[T::String, T::Map, T::List],
        GEN,
        DOCUSAURUS_BLOG,
    ),
    key(
        "custom_edit_url",
        &[T::String, T::Null],
        GEN,
        DOCUSAURUS_DOCS,
    ),
    key("date", &[T::Date], GEN, DOCUSAURUS_BLOG),
    key("description", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("displayed_sidebar", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("draft", &[T::Bool], GEN, DOCUSAURUS_DOCS),
    key("hide_table_of_contents", &[T::Bool], GEN, DOCUSAURUS_DOCS),
    key("hide_title", &[T::Bool], GEN, DOCUSAURUS_DOCS),
    key("id", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("image", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("keywords", &[T::List], GEN, DOCUSAURUS_DOCS),
    // `{date, author}`.
    key("last_update", &[T::Map], GEN, DOCUSAURUS_DOCS),
    key("pagination_label", &[T::String], GEN, DOCUSAURUS_DOCS),
    key(
        "pagination_next",
        &[T::String, T::Null],
        GEN,
        DOCUSAURUS_DOCS,
    ),
    key(
        "pagination_prev",
        &[T::String, T::Null],
        GEN,
        DOCUSAURUS_DOCS,
    ),
    key("parse_number_prefixes", &[T::Bool], GEN, DOCUSAURUS_DOCS),
    key("sidebar_class_name", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("sidebar_custom_props", &[T::Map], GEN, DOCUSAURUS_DOCS),
    key("sidebar_key", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("sidebar_label", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("sidebar_position", &[T::Number], GEN, DOCUSAURUS_DOCS),
    key("slug", &[T::String], GEN, DOCUSAURUS_DOCS),
    // Strings, or `{label, permalink}` objects.
    key("tags", &[T::List], GEN, DOCUSAURUS_DOCS),
    key("title", &[T::String], GEN, DOCUSAURUS_DOCS),
    key("title_meta", &[T::String], GEN, DOCUSAURUS_BLOG),
    key("toc_max_heading_level", &[T::Number], GEN, DOCUSAURUS_DOCS),
    key("toc_min_heading_level", &[T::Number], GEN, DOCUSAURUS_DOCS),
    key("unlisted", &[T::Bool], GEN, DOCUSAURUS_DOCS),
    key("wrapperClassName", &[T::String], GEN, DOCUSAURUS_PAGES),
];

const VITEPRESS_FRONT_MATTER: &str = "https://vitepress.dev/reference/frontmatter-config";
const VITEPRESS_THEME: Source = Source::Theme("default theme");
const VITEPRESS_LAYOUT: &str = "https://vitepress.dev/reference/default-theme-layout";
const VITEPRESS_HOME: &str = "https://vitepress.dev/reference/default-theme-home-page";
const VITEPRESS_PREV_NEXT: &str = "https://vitepress.dev/reference/default-theme-prev-next-links";
const VITEPRESS_SEARCH: &str =
    "https://vitepress.dev/reference/default-theme-search#example-excluding-pages-from-search";

const VITEPRESS: &[DocumentedKey] = &[
    // `true`, `false` or `'left'`.
    key(
        "aside",
        &[T::Bool, T::String],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key("description", &[T::String], GEN, VITEPRESS_FRONT_MATTER),
    key(
        "editLink",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key("features", &[T::List], VITEPRESS_THEME, VITEPRESS_HOME),
    key(
        "footer",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key("head", &[T::List], GEN, VITEPRESS_FRONT_MATTER),
    key("hero", &[T::Map], VITEPRESS_THEME, VITEPRESS_HOME),
    key(
        "isHome",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    // Whether to show the date, or the date to show instead of git's.
    key(
        "lastUpdated",
        &[T::Bool, T::Date],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    // `doc`, `home` or `page`; `false` for no layout at all.
    key(
        "layout",
        &[T::String, T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_LAYOUT,
    ),
    key(
        "markdownStyles",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_HOME,
    ),
    key(
        "navbar",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key(
        "next",
        &[T::String, T::Bool, T::Map],
        VITEPRESS_THEME,
        VITEPRESS_PREV_NEXT,
    ),
    // A level, `[min, max]`, `'deep'` or `false`.
    key(
        "outline",
        &[T::Number, T::List, T::String, T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key(
        "pageClass",
        &[T::String],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key(
        "prev",
        &[T::String, T::Bool, T::Map],
        VITEPRESS_THEME,
        VITEPRESS_PREV_NEXT,
    ),
    // `false` leaves the page out of the local search index.
    key("search", &[T::Bool], VITEPRESS_THEME, VITEPRESS_SEARCH),
    key(
        "sidebar",
        &[T::Bool],
        VITEPRESS_THEME,
        VITEPRESS_FRONT_MATTER,
    ),
    key("title", &[T::String], GEN, VITEPRESS_FRONT_MATTER),
    key(
        "titleTemplate",
        &[T::String, T::Bool],
        GEN,
        VITEPRESS_FRONT_MATTER,
    ),
];

const ASTRO_BLOG: Source = Source::Theme("blog template");
const ASTRO_BLOG_URL: &str =
    "https://github.com/withastro/astro/blob/main/examples/blog/src/content.config.ts";

/// Astro reads almost nothing itself: a content collection's keys are what its schema
/// declares, so a site's own `content.config.ts` is the real list. The blog template's
/// schema is here because most blogs start from it.
const ASTRO: &[DocumentedKey] = &[
    key("description", &[T::String], ASTRO_BLOG, ASTRO_BLOG_URL),
    key("heroImage", &[T::String], ASTRO_BLOG, ASTRO_BLOG_URL),
    // Only for Markdown pages in `src/pages`: the layout component that wraps the page.
    key(
        "layout",
        &[T::String],
        GEN,
        "https://docs.astro.build/en/basics/layouts/#markdown-layouts",
    ),
    key("pubDate", &[T::Date], ASTRO_BLOG, ASTRO_BLOG_URL),
    // A collection entry's id, in place of the one made from its file path.
    key(
        "slug",
        &[T::String],
        GEN,
        "https://docs.astro.build/en/reference/errors/duplicate-content-entry-slug-error/",
    ),
    key("title", &[T::String], ASTRO_BLOG, ASTRO_BLOG_URL),
    key("updatedDate", &[T::Date], ASTRO_BLOG, ASTRO_BLOG_URL),
];

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATORS: [Generator; 7] = [
        Generator::Hexo,
        Generator::Hugo,
        Generator::Jekyll,
        Generator::Astro,
        Generator::Docusaurus,
        Generator::Vitepress,
        Generator::Zola,
    ];

    fn value(kind: ValueKind) -> Value {
        Value { kind, range: 0..0 }
    }

    #[test]
    fn every_table_is_sorted_without_duplicates() {
        for generator in GENERATORS {
            let table = documented(generator);
            assert!(!table.is_empty(), "{generator} has no keys");
            for pair in table.windows(2) {
                assert_eq!(
                    compare_ignoring_case(pair[0].name, pair[1].name),
                    Ordering::Less,
                    "{generator}: `{}` must come before `{}`, once",
                    pair[0].name,
                    pair[1].name
                );
            }
            for documented in table {
                assert!(!documented.types.is_empty(), "{}", documented.name);
                assert!(documented.url.starts_with("https://"), "{}", documented.url);
                assert!(!is_private(documented.name), "{}", documented.name);
            }
        }
        assert!(documented(Generator::Generic).is_empty());
    }

    #[test]
    fn every_key_is_found_by_its_own_name() {
        for generator in GENERATORS {
            for documented in documented(generator) {
                assert_eq!(
                    lookup(generator, documented.name),
                    Some(documented),
                    "{generator}"
                );
            }
        }
    }

    #[test]
    fn lookup_per_generator() {
        let hexo = lookup(Generator::Hexo, "comments").unwrap();
        assert_eq!(hexo.source, Source::Generator);
        assert_eq!(hexo.url, "https://hexo.io/docs/front-matter");
        assert_eq!(
            lookup(Generator::Hexo, "index_img").unwrap().source,
            Source::Theme("Fluid")
        );
        assert_eq!(
            lookup(Generator::Hexo, "sticky").unwrap().source,
            Source::Plugin("hexo-generator-index")
        );
        // Hexo overwrites `slug` with the file name; it documents no such key.
        assert_eq!(lookup(Generator::Hexo, "slug"), None);

        assert_eq!(
            lookup(Generator::Hugo, "build").unwrap().types,
            [KeyType::Map]
        );
        assert_eq!(
            lookup(Generator::Hugo, "draft").unwrap().types,
            [KeyType::Bool]
        );
        assert_eq!(lookup(Generator::Hugo, "permalink"), None);

        assert_eq!(
            lookup(Generator::Jekyll, "redirect_from").unwrap().source,
            Source::Plugin("jekyll-redirect-from")
        );
        assert_eq!(lookup(Generator::Jekyll, "Title"), None);

        assert_eq!(
            lookup(Generator::Zola, "paginate_by").unwrap().types,
            [KeyType::Integer]
        );
        assert_eq!(lookup(Generator::Zola, "permalink"), None);

        let hide_title = lookup(Generator::Docusaurus, "hide_title").unwrap();
        assert_eq!(hide_title.types, [KeyType::Bool]);
        assert_eq!(
            lookup(Generator::Docusaurus, "sidebar_position")
                .unwrap()
                .types,
            [KeyType::Number]
        );

        assert_eq!(
            lookup(Generator::Vitepress, "hero").unwrap().source,
            Source::Theme("default theme")
        );
        assert_eq!(lookup(Generator::Vitepress, "lastupdated"), None);

        assert_eq!(
            lookup(Generator::Astro, "layout").unwrap().source,
            Source::Generator
        );
        assert_eq!(lookup(Generator::Generic, "title"), None);
    }

    #[test]
    fn hugo_keys_are_case_insensitive() {
        let expiry = lookup(Generator::Hugo, "expirydate").unwrap();
        assert_eq!(expiry.name, "expiryDate");
        assert_eq!(lookup(Generator::Hugo, "EXPIRYDATE"), Some(expiry));
        assert_eq!(lookup(Generator::Hugo, "Title").unwrap().name, "title");
        assert_eq!(lookup(Generator::Hugo, "ShowToc").unwrap().name, "showtoc");
        assert_eq!(lookup(Generator::Hugo, "expiry_date"), None);
    }

    #[test]
    fn vitepress_last_updated_takes_a_bool_or_a_date() {
        let last_updated = lookup(Generator::Vitepress, "lastUpdated").unwrap();
        assert!(last_updated.accepts(&value(ValueKind::Bool(false))));
        assert!(last_updated.accepts(&value(ValueKind::String("2025-01-31".into()))));
        assert!(!last_updated.accepts(&value(ValueKind::List(vec![]))));
        assert!(last_updated.accepts(&value(ValueKind::Null)));
    }

    #[test]
    fn value_types() {
        let weight = lookup(Generator::Hugo, "weight").unwrap();
        assert!(weight.accepts(&value(ValueKind::Number("10".into()))));
        assert!(!weight.accepts(&value(ValueKind::Number("1.5".into()))));
        let position = lookup(Generator::Docusaurus, "sidebar_position").unwrap();
        assert!(position.accepts(&value(ValueKind::Number("1.5".into()))));
        assert!(!position.accepts(&value(ValueKind::String("1".into()))));
        let next = lookup(Generator::Docusaurus, "pagination_next").unwrap();
        assert!(next.accepts(&value(ValueKind::Null)));
        let draft = lookup(Generator::Zola, "draft").unwrap();
        assert!(!draft.accepts(&value(ValueKind::String("true".into()))));
    }

    #[test]
    fn private_keys_start_with_an_underscore() {
        assert!(is_private("_build"));
        assert!(is_private("_internal_note"));
        assert!(!is_private("build"));
        assert!(!is_private("draft_"));
        assert!(!is_private(""));
    }
}
