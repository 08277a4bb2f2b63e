//! Zed runs only the language servers an extension declares. This one declares
//! `postlint server` for Markdown and starts the `postlint` found on the worktree's PATH,
//! or the binary named in Zed's `lsp.postlint.binary` setting.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Postlint;

impl zed::Extension for Postlint {
    fn new() -> Self {
        Postlint
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
        let command = match configured_path {
            Some(path) => path,
            None => worktree.which("postlint").ok_or_else(|| {
                "postlint is not on PATH: install it with `cargo install --path .` in postlint's \
                 repository, or set lsp.postlint.binary.path in Zed's settings"
                    .to_owned()
            })?,
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
