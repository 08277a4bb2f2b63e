//! The release archive of a platform: its name, its SHA-256 in the release's `SHA256SUMS`,
//! and its binary unpacked. Plain functions of bytes and paths, so they are tested natively;
//! `lib.rs` downloads with Zed's API and calls them.

use std::fmt::Write as _;
use std::fs;
use std::io::Cursor;
use std::path::Path;

use sha2::{Digest, Sha256};
use zed_extension_api::{Architecture, Os};

/// What to download for a platform: the release workflow's `postlint-<target>.tar.gz`
/// (`.zip` on Windows), and the binary's path inside it.
#[derive(Debug, PartialEq, Eq)]
pub struct ReleaseAsset {
    pub archive: String,
    pub binary: String,
}

/// The release's Rust target for a platform; `None` where postlint publishes no binary.
pub fn release_target(os: Os, arch: Architecture) -> Option<&'static str> {
    match (os, arch) {
        (Os::Linux, Architecture::X8664) => Some("x86_64-unknown-linux-musl"),
        (Os::Linux, Architecture::Aarch64) => Some("aarch64-unknown-linux-musl"),
        (Os::Mac, Architecture::X8664) => Some("x86_64-apple-darwin"),
        (Os::Mac, Architecture::Aarch64) => Some("aarch64-apple-darwin"),
        (Os::Windows, Architecture::X8664) => Some("x86_64-pc-windows-msvc"),
        _ => None,
    }
}

pub fn release_asset(target: &str) -> ReleaseAsset {
    let (extension, exe) = if target.contains("-windows-") {
        ("zip", ".exe")
    } else {
        ("tar.gz", "")
    };
    ReleaseAsset {
        archive: format!("postlint-{target}.{extension}"),
        binary: format!("postlint-{target}/postlint{exe}"),
    }
}

/// The digest `SHA256SUMS` gives for `name` (`sha256sum` lines: `<hex>  <name>`, or
/// `<hex> *<name>` in binary mode).
pub fn expected_digest(sums: &str, name: &str) -> Option<String> {
    sums.lines().find_map(|line| {
        let (digest, file) = line.trim_end_matches('\r').split_once(' ')?;
        let file = file.trim_start_matches(' ').trim_start_matches('*');
        (file == name && digest.len() == 64 && digest.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| digest.to_ascii_lowercase())
    })
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Checks `archive` (named `name`) against `SHA256SUMS`, then unpacks it into `folder`.
/// Nothing is unpacked from an archive whose digest is missing or different.
pub fn verify_and_unpack(
    archive: &[u8],
    name: &str,
    sums: &str,
    folder: &Path,
) -> Result<(), String> {
    let expected = expected_digest(sums, name)
        .ok_or_else(|| format!("the release's SHA256SUMS has no line for {name}"))?;
    let actual = sha256_hex(archive);
    if actual != expected {
        return Err(format!(
            "{name} does not match the release's SHA256SUMS (expected {expected}, got {actual}): \
             the download is not used"
        ));
    }
    fs::create_dir_all(folder)
        .map_err(|error| format!("creating {}: {error}", folder.display()))?;
    let unpacked = if name.ends_with(".zip") {
        zip::ZipArchive::new(Cursor::new(archive))
            .and_then(|mut zip| zip.extract(folder))
            .map_err(|error| error.to_string())
    } else {
        tar::Archive::new(flate2::read::GzDecoder::new(archive))
            .unpack(folder)
            .map_err(|error| error.to_string())
    };
    unpacked.map_err(|error| format!("unpacking {name}: {error}"))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn each_platform_of_the_release_has_its_archive() {
        let linux = release_asset(release_target(Os::Linux, Architecture::X8664).unwrap());
        assert_eq!(linux.archive, "postlint-x86_64-unknown-linux-musl.tar.gz");
        assert_eq!(linux.binary, "postlint-x86_64-unknown-linux-musl/postlint");
        let windows = release_asset(release_target(Os::Windows, Architecture::X8664).unwrap());
        assert_eq!(windows.archive, "postlint-x86_64-pc-windows-msvc.zip");
        assert_eq!(
            windows.binary,
            "postlint-x86_64-pc-windows-msvc/postlint.exe"
        );
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

    const DIGEST: &str = "9b22704800e408de3ffa88c2ea8fc1ae6512ff99478758af9d16fdc27960bd55";

    #[test]
    fn sha256sums_lines_are_read_as_sha256sum_writes_them() {
        let sums = format!(
            "{DIGEST}  postlint-a.tar.gz\r\n{}  *postlint-b.zip\n",
            DIGEST.to_uppercase()
        );
        assert_eq!(
            expected_digest(&sums, "postlint-a.tar.gz").as_deref(),
            Some(DIGEST)
        );
        assert_eq!(
            expected_digest(&sums, "postlint-b.zip").as_deref(),
            Some(DIGEST)
        );
        assert_eq!(expected_digest(&sums, "postlint-c.zip"), None);
        assert_eq!(
            expected_digest("abc  postlint-a.tar.gz\n", "postlint-a.tar.gz"),
            None
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    fn tar_gz(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(flate2::write::GzEncoder::new(
            Vec::new(),
            flate2::Compression::fast(),
        ));
        for (path, bytes) in files {
            let mut header = tar::Header::new_gnu();
            header.set_size(bytes.len() as u64);
            header.set_mode(0o755);
            header.set_cksum();
            builder.append_data(&mut header, path, *bytes).unwrap();
        }
        builder.into_inner().unwrap().finish().unwrap()
    }

    fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (path, bytes) in files {
            writer
                .start_file(*path, zip::write::SimpleFileOptions::default())
                .unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn a_verified_archive_is_unpacked_and_a_tampered_one_is_not() {
        let dir = std::env::temp_dir().join(format!("postlint-zed-test-{}", std::process::id()));
        for (name, archive, binary) in [
            (
                "postlint-x86_64-unknown-linux-musl.tar.gz",
                tar_gz(&[("postlint-x86_64-unknown-linux-musl/postlint", b"binary")]),
                "postlint-x86_64-unknown-linux-musl/postlint",
            ),
            (
                "postlint-x86_64-pc-windows-msvc.zip",
                zip(&[("postlint-x86_64-pc-windows-msvc/postlint.exe", b"binary")]),
                "postlint-x86_64-pc-windows-msvc/postlint.exe",
            ),
        ] {
            let sums = format!("{}  {name}\n", sha256_hex(&archive));
            let good = dir.join("good");
            verify_and_unpack(&archive, name, &sums, &good).unwrap();
            assert_eq!(fs::read(good.join(binary)).unwrap(), b"binary");

            let mut tampered = archive.clone();
            *tampered.last_mut().unwrap() ^= 1;
            let bad = dir.join("bad");
            let error = verify_and_unpack(&tampered, name, &sums, &bad).unwrap_err();
            assert!(
                error.contains("does not match the release's SHA256SUMS"),
                "{error}"
            );
            assert!(!bad.exists());

            let error = verify_and_unpack(&archive, name, "", &bad).unwrap_err();
            assert!(error.contains("has no line for"), "{error}");
            fs::remove_dir_all(&dir).unwrap();
        }
    }
}
