//! Zed runs only the language servers an extension declares. This one declares
//! `postlint server` for Markdown and starts, in order: the binary named in Zed's
//! `lsp.postlint.binary` setting, the `postlint` on the worktree's PATH, or the binary of
//! postlint's latest GitHub release for this platform, downloaded once into the
//! extension's folder (and again when a newer release appears) and unpacked only when its
//! SHA-256 is the one in the release's `SHA256SUMS`.

mod release;

use std::fs;
use std::path::Path;

use release::{release_asset, release_target, verify_and_unpack};
use zed_extension_api::{
    self as zed, settings::LspSettings, DownloadedFileType, GithubReleaseOptions, LanguageServerId,
    LanguageServerInstallationStatus, Result,
};

const REPOSITORY: &str = "postlint/postlint";

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
        let url_of = |name: &str| {
            release
                .assets
                .iter()
                .find(|candidate| candidate.name == name)
                .map(|found| found.download_url.clone())
                .ok_or_else(|| format!("postlint {} has no {name} to download", release.version))
        };
        // One folder per version: a newer release is unpacked beside the old one, which is
        // removed once the new binary is in place.
        let folder = format!("postlint-{}", release.version);
        let binary = format!("{folder}/{}", asset.binary);
        if !fs::metadata(&binary).is_ok_and(|meta| meta.is_file()) {
            // Both the archive and SHA256SUMS first, as files: the archive is unpacked only
            // once its SHA-256 is the release's, as the GitHub Action does.
            let (archive_url, sums_url) = (url_of(&asset.archive)?, url_of("SHA256SUMS")?);
            status(LanguageServerInstallationStatus::Downloading);
            let downloads = format!("{folder}.download");
            fs::remove_dir_all(&downloads).ok();
            fs::create_dir_all(&downloads)
                .map_err(|error| format!("creating {downloads}: {error}"))?;
            let fetch = |url: &str, name: &str| -> Result<Vec<u8>> {
                let path = format!("{downloads}/{name}");
                zed::download_file(url, &path, DownloadedFileType::Uncompressed)
                    .map_err(|error| format!("downloading {name}: {error}"))?;
                fs::read(&path).map_err(|error| format!("reading {path}: {error}"))
            };
            let archive = fetch(&archive_url, &asset.archive)?;
            let sums = String::from_utf8_lossy(&fetch(&sums_url, "SHA256SUMS")?).into_owned();
            let unpacked = verify_and_unpack(&archive, &asset.archive, &sums, Path::new(&folder));
            fs::remove_dir_all(&downloads).ok();
            if let Err(error) = unpacked {
                fs::remove_dir_all(&folder).ok();
                return Err(error);
            }
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
