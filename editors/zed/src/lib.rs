//! Zed runs only the language servers an extension declares. This one declares
//! `postlint server` for Markdown and starts, in order: the binary named in Zed's
//! `lsp.postlint.binary` setting, the `postlint` on the worktree's PATH, or the binary of
//! postlint's latest GitHub release for this platform, downloaded once into the
//! extension's folder (and again when a newer release appears).

use std::fs;

use zed_extension_api::{
    self as zed, settings::LspSettings, Architecture, DownloadedFileType, GithubReleaseOptions,
    LanguageServerId, LanguageServerInstallationStatus, Os, Result,
};

const REPOSITORY: &str = "postlint/postlint";

/// What to download for a platform: the release archive's name (the release workflow's
/// `postlint-<target>.tar.gz`, `.zip` on Windows) and the binary's path inside it.
#[derive(Debug, PartialEq, Eq)]
struct ReleaseAsset {
    archive: String,
    file_type: DownloadedFileType,
    binary: String,
}

/// The release's Rust target for a platform; `None` where postlint publishes no binary.
fn release_target(os: Os, arch: Architecture) -> Option<&'static str> {
    match (os, arch) {
        (Os::Linux, Architecture::X8664) => Some("x86_64-unknown-linux-musl"),
        (Os::Linux, Architecture::Aarch64) => Some("aarch64-unknown-linux-musl"),
        (Os::Mac, Architecture::X8664) => Some("x86_64-apple-darwin"),
        (Os::Mac, Architecture::Aarch64) => Some("aarch64-apple-darwin"),
        (Os::Windows, Architecture::X8664) => Some("x86_64-pc-windows-msvc"),
        _ => None,
    }
}

fn release_asset(target: &str) -> ReleaseAsset {
    let windows = target.contains("-windows-");
    let (extension, file_type, exe) = if windows {
        ("zip", DownloadedFileType::Zip, ".exe")
    } else {
        ("tar.gz", DownloadedFileType::GzipTar, "")
    };
    ReleaseAsset {
        archive: format!("postlint-{target}.{extension}"),
        file_type,
        binary: format!("postlint-{target}/postlint{exe}"),
    }
}

#[derive(Default)]
struct Postlint {
    /// The downloaded binary, once this session has found or fetched it.
    downloaded: Option<String>,
}

impl Postlint {
    fn downloaded_binary(&mut self, id: &LanguageServerId) -> Result<String> {
        if let Some(path) = &self.downloaded {
            if fs::metadata(path).is_ok_and(|meta| meta.is_file()) {
                return Ok(path.clone());
            }
        }
        let status = |status| zed::set_language_server_installation_status(id, &status);
        status(LanguageServerInstallationStatus::CheckingForUpdate);
        let (os, arch) = zed::current_platform();
        let target = release_target(os, arch).ok_or_else(|| {
            format!(
                "postlint publishes no binary for {os:?} on {arch:?}: install it with \
                 `pip install postlint` or `cargo install --locked --git \
                 https://github.com/{REPOSITORY} postlint`, or set lsp.postlint.binary.path"
            )
        })?;
        let release = zed::latest_github_release(
            REPOSITORY,
            GithubReleaseOptions {
                require_assets: true,
                pre_release: false,
            },
        )?;
        let asset = release_asset(target);
        let download = release
            .assets
            .iter()
            .find(|candidate| candidate.name == asset.archive)
            .ok_or_else(|| {
                format!(
                    "postlint {} has no {} to download",
                    release.version, asset.archive
                )
            })?;
        // One folder per version: a newer release is downloaded beside the old one, which
        // is removed once the new binary is in place.
        let folder = format!("postlint-{}", release.version);
        let binary = format!("{folder}/{}", asset.binary);
        if !fs::metadata(&binary).is_ok_and(|meta| meta.is_file()) {
            status(LanguageServerInstallationStatus::Downloading);
            zed::download_file(&download.download_url, &folder, asset.file_type)
                .map_err(|error| format!("downloading {}: {error}", asset.archive))?;
            zed::make_file_executable(&binary)?;
            for entry in fs::read_dir(".").into_iter().flatten().flatten() {
                let name = entry.file_name();
                let name = name.to_string_lossy();
                if name.starts_with("postlint-") && name != folder {
                    fs::remove_dir_all(entry.path()).ok();
                }
            }
        }
        status(LanguageServerInstallationStatus::None);
        self.downloaded = Some(binary.clone());
        Ok(binary)
    }
}

impl zed::Extension for Postlint {
    fn new() -> Self {
        Postlint::default()
    }

    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let configured_path = binary.as_ref().and_then(|b| b.path.clone());
        let command = match configured_path.or_else(|| worktree.which("postlint")) {
            Some(path) => path,
            None => self.downloaded_binary(language_server_id)?,
        };
        let args = binary
            .and_then(|b| b.arguments)
            .unwrap_or_else(|| vec!["server".to_owned()]);
        Ok(zed::Command {
            command,
            args,
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Postlint);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_platform_of_the_release_has_its_archive() {
        let linux = release_asset(release_target(Os::Linux, Architecture::X8664).unwrap());
        assert_eq!(linux.archive, "postlint-x86_64-unknown-linux-musl.tar.gz");
        assert_eq!(linux.binary, "postlint-x86_64-unknown-linux-musl/postlint");
        assert_eq!(linux.file_type, DownloadedFileType::GzipTar);
        let windows = release_asset(release_target(Os::Windows, Architecture::X8664).unwrap());
        assert_eq!(windows.archive, "postlint-x86_64-pc-windows-msvc.zip");
        assert_eq!(
            windows.binary,
            "postlint-x86_64-pc-windows-msvc/postlint.exe"
        );
        assert_eq!(windows.file_type, DownloadedFileType::Zip);
        let mac = release_asset(release_target(Os::Mac, Architecture::Aarch64).unwrap());
        assert_eq!(mac.archive, "postlint-aarch64-apple-darwin.tar.gz");
    }

    #[test]
    fn a_platform_without_a_binary_is_none() {
        assert_eq!(release_target(Os::Windows, Architecture::Aarch64), None);
        assert_eq!(release_target(Os::Linux, Architecture::X86), None);
    }

    /// The targets the release workflow builds, so that a renamed target fails here.
    #[test]
    fn the_targets_are_the_release_workflows() {
        let workflow = include_str!("../../../.github/workflows/release.yml");
        for (os, arch) in [
            (Os::Linux, Architecture::X8664),
            (Os::Linux, Architecture::Aarch64),
            (Os::Mac, Architecture::X8664),
            (Os::Mac, Architecture::Aarch64),
            (Os::Windows, Architecture::X8664),
        ] {
            let target = release_target(os, arch).unwrap();
            assert!(
                workflow.contains(&format!("- target: {target}\n")),
                "{target}"
            );
        }
    }
}
