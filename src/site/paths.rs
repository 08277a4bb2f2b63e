//! Paths within a site: made absolute without touching the disk, placed under the root,
//! and kept inside the folder postlint may look in.

use std::path::{Component, Path, PathBuf};

/// `path` against `current`, with `.` and `..` resolved by their text (a site's files are
/// named by their place under the root, not by where links lead).
pub fn absolute(current: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_owned()
    } else {
        current.join(path)
    };
    normalize(&joined)
}

/// `a/./b/../c` as `a/c`; a `..` above the start is kept.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                let popped =
                    matches!(out.components().next_back(), Some(Component::Normal(_))) && out.pop();
                if !popped && !out.has_root() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The folder postlint may look in for a site at `root`: the repository that holds it
/// (the nearest folder above with `.git`), else the current directory when the root is
/// inside it, else the root itself. A configuration that points further out (a hostile
/// `contentDir = "/etc"`) is refused.
pub fn boundary(root: &Path, current: &Path) -> PathBuf {
    if let Some(repository) = root.ancestors().find(|dir| dir.join(".git").exists()) {
        return repository.to_owned();
    }
    if root.starts_with(current) {
        return current.to_owned();
    }
    root.to_owned()
}

/// A relative path with `/` between its parts; `None` when a part is not UTF-8.
pub fn slashed(path: &Path) -> Option<String> {
    let mut out = String::new();
    for component in path.components() {
        let part = match component {
            Component::Normal(name) => name.to_str()?,
            Component::ParentDir => "..",
            Component::CurDir => continue,
            Component::RootDir | Component::Prefix(_) => return None,
        };
        if !out.is_empty() {
            out.push('/');
        }
        out.push_str(part);
    }
    Some(out)
}

/// `absolute` relative to `root`, as `a/b.md` under it or `../docs/b.md` beside it, when
/// it is inside `boundary`; `None` otherwise.
pub fn relative_to(root: &Path, boundary: &Path, absolute: &Path) -> Option<String> {
    if let Ok(under) = absolute.strip_prefix(root) {
        return slashed(under);
    }
    if !absolute.starts_with(boundary) {
        return None;
    }
    let mut ups = String::new();
    for ancestor in root.ancestors().skip(1) {
        ups.push_str("../");
        if let Ok(under) = absolute.strip_prefix(ancestor) {
            return Some(format!("{ups}{}", slashed(under)?));
        }
        if ancestor == boundary {
            break;
        }
    }
    None
}

/// A folder a configuration names (`contentDir = "docs"`), under the root; `None` when it
/// leads outside `boundary`.
pub fn configured_folder(root: &Path, boundary: &Path, value: &str) -> Option<PathBuf> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let path = normalize(&root.join(value));
    path.starts_with(boundary).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizing_resolves_dots_by_text() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), Path::new("/a/c"));
        assert_eq!(normalize(Path::new("a/../../b")), Path::new("../b"));
        assert_eq!(normalize(Path::new("/../a")), Path::new("/a"));
    }

    #[test]
    fn relative_paths_under_and_beside_the_root() {
        let root = Path::new("/repo/website");
        let boundary = Path::new("/repo");
        assert_eq!(
            relative_to(root, boundary, Path::new("/repo/website/blog/a.md")).as_deref(),
            Some("blog/a.md")
        );
        assert_eq!(
            relative_to(root, boundary, Path::new("/repo/docs/a.md")).as_deref(),
            Some("../docs/a.md")
        );
        assert_eq!(relative_to(root, boundary, Path::new("/etc/a.md")), None);
    }

    #[test]
    fn configured_folders_stay_inside_the_boundary() {
        let root = Path::new("/repo/website");
        let boundary = Path::new("/repo");
        assert_eq!(
            configured_folder(root, boundary, "../docs"),
            Some(PathBuf::from("/repo/docs"))
        );
        assert_eq!(configured_folder(root, boundary, "../../etc"), None);
        assert_eq!(configured_folder(root, boundary, "/etc"), None);
        assert_eq!(configured_folder(root, boundary, ""), None);
    }
}
