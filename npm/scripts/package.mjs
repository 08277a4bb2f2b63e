#!/usr/bin/env node
// Builds and checks postlint's npm packages; the release workflow and
// tests/packaging/npm.sh run it. No dependencies, Node 18 or later.
//
//   node npm/scripts/package.mjs platform --target <triple> --binary <path> --out <dir>
//       write the platform package for a release target into <dir>, ready for npm pack/publish
//   node npm/scripts/package.mjs check
//       the launcher's version and optionalDependencies agree with Cargo.toml and the targets
//   node npm/scripts/package.mjs sync
//       write Cargo.toml's version into the launcher's package.json (after a version bump)
//
// Cargo.toml's [package] version is the one version: every package is published at it.

import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const launcherManifest = join(root, "npm", "postlint", "package.json");
const repository = "https://github.com/postlint/postlint";

// The release targets and the npm package each one is published as; the package name is
// `@postlint/${process.platform}-${process.arch}`, which is how the launcher finds it.
const TARGETS = {
  "x86_64-unknown-linux-musl": { os: "linux", cpu: "x64" },
  "aarch64-unknown-linux-musl": { os: "linux", cpu: "arm64" },
  "x86_64-apple-darwin": { os: "darwin", cpu: "x64" },
  "aarch64-apple-darwin": { os: "darwin", cpu: "arm64" },
  "x86_64-pc-windows-msvc": { os: "win32", cpu: "x64" },
};
const packageName = ({ os, cpu }) => `@postlint/${os}-${cpu}`;

class UsageError extends Error {}

function cargoVersion() {
  const text = readFileSync(join(root, "Cargo.toml"), "utf8");
  let section = null;
  for (const line of text.split(/\r?\n/)) {
    const header = line.match(/^\s*\[([^\]]+)\]\s*(#.*)?$/);
    if (header) {
      section = header[1].trim();
    } else if (section === "package") {
      const version = line.match(/^\s*version\s*=\s*"([^"]+)"/);
      if (version) return version[1];
    }
  }
  throw new UsageError("Cargo.toml has no version in its [package] section");
}

function readJson(path) {
  return JSON.parse(readFileSync(path, "utf8"));
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function options(args, names) {
  const values = {};
  for (let i = 0; i < args.length; i += 1) {
    const name = args[i].replace(/^--/, "");
    if (!args[i].startsWith("--") || !names.includes(name) || i + 1 >= args.length) {
      throw new UsageError(`unexpected argument ${args[i]}; expected ${names.map((n) => `--${n} <value>`).join(" ")}`);
    }
    values[name] = args[i + 1];
    i += 1;
  }
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(", ")}`);
  }
  return values;
}

function platform(args) {
  const { target, binary, out } = options(args, ["target", "binary", "out"]);
  const spec = TARGETS[target];
  if (!spec) {
    throw new UsageError(`unknown target ${target}; the release targets are:\n  ${Object.keys(TARGETS).join("\n  ")}`);
  }
  const name = packageName(spec);
  const executable = spec.os === "win32" ? "postlint.exe" : "postlint";
  if (!existsSync(binary)) {
    throw new UsageError(`no binary at ${binary}`);
  }
  mkdirSync(out, { recursive: true });
  copyFileSync(binary, join(out, executable));
  chmodSync(join(out, executable), 0o755);
  writeJson(join(out, "package.json"), {
    name,
    version: cargoVersion(),
    description: `The postlint binary for ${spec.os}-${spec.cpu} (${target}); install the postlint package, which picks it`,
    homepage: `${repository}#readme`,
    repository: { type: "git", url: `git+${repository}.git` },
    os: [spec.os],
    cpu: [spec.cpu],
    files: [executable],
    // Yarn Plug'n'Play runs nothing from inside a zip archive.
    preferUnplugged: true,
  });
  writeFileSync(
    join(out, "README.md"),
    `The \`postlint\` binary for ${spec.os}-${spec.cpu} (\`${target}\`): install [postlint](https://www.npmjs.com/package/postlint), which runs it.\n`
  );
  console.log(`${name}@${cargoVersion()} written to ${out}`);
}

function check() {
  const version = cargoVersion();
  const manifest = readJson(launcherManifest);
  const problems = [];
  if (manifest.version !== version) {
    problems.push(`postlint is at ${manifest.version}, Cargo.toml at ${version}`);
  }
  const expected = Object.values(TARGETS).map(packageName);
  const dependencies = manifest.optionalDependencies || {};
  for (const name of expected) {
    if (!(name in dependencies)) {
      problems.push(`optionalDependencies lacks ${name}`);
    } else if (dependencies[name] !== version) {
      problems.push(`optionalDependencies has ${name} at ${dependencies[name]}, Cargo.toml is at ${version}`);
    }
  }
  for (const name of Object.keys(dependencies)) {
    if (!expected.includes(name)) {
      problems.push(`optionalDependencies has ${name}, which no release target publishes`);
    }
  }
  if (problems.length > 0) {
    console.error(`npm/postlint/package.json disagrees with Cargo.toml and the release targets:\n  ${problems.join("\n  ")}`);
    console.error("(node npm/scripts/package.mjs sync writes Cargo.toml's version into it)");
    return 1;
  }
  console.log(`npm/postlint/package.json: version ${version}, ${expected.length} platform packages, as Cargo.toml`);
  return 0;
}

function sync() {
  const version = cargoVersion();
  const manifest = readJson(launcherManifest);
  manifest.version = version;
  manifest.optionalDependencies = Object.fromEntries(
    Object.values(TARGETS).map((spec) => [packageName(spec), version])
  );
  writeJson(launcherManifest, manifest);
  console.log(`npm/postlint/package.json set to ${version}`);
}

const [command, ...args] = process.argv.slice(2);
try {
  if (command === "platform") {
    platform(args);
  } else if (command === "check" && args.length === 0) {
    process.exitCode = check();
  } else if (command === "sync" && args.length === 0) {
    sync();
  } else {
    throw new UsageError(
      "usage: package.mjs platform --target <triple> --binary <path> --out <dir>\n" +
        "       package.mjs check\n" +
        "       package.mjs sync"
    );
  }
} catch (error) {
  if (!(error instanceof UsageError) && !error.code) throw error;
  // A usage mistake or a missing file: one line, not a stack trace.
  console.error(`package.mjs: ${error.message}`);
  process.exitCode = 1;
}
