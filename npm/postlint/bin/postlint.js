#!/usr/bin/env node
"use strict";

// postlint is a native binary. npm installs the one package of `optionalDependencies` whose
// `os` and `cpu` match this machine (@postlint/linux-x64, @postlint/darwin-arm64, ...) and
// skips the others; this launcher finds that package's binary and runs it with the same
// arguments, standard streams and exit status. POSTLINT_BINARY, when set, names the binary
// to run instead.

const { spawnSync } = require("node:child_process");
const { constants } = require("node:os");
const { optionalDependencies } = require("../package.json");

const platform = `${process.platform}-${process.arch}`;
const wanted = `@postlint/${platform}`;
const executable = process.platform === "win32" ? "postlint.exe" : "postlint";
const supported = Object.keys(optionalDependencies).map((name) => name.replace("@postlint/", ""));

function resolves(request) {
  try {
    return require.resolve(request);
  } catch {
    return null;
  }
}

function reportMissing() {
  const lines = [];
  if (supported.includes(platform)) {
    lines.push(
      `postlint: no binary for this platform (${platform}): the package ${wanted} is not installed.`,
      "npm skips it when optional dependencies are omitted (--omit=optional, --no-optional,",
      "or omit=optional in .npmrc or NPM_CONFIG_OMIT)."
    );
    // node_modules copied from another machine holds that machine's binary, not this one's.
    const others = Object.keys(optionalDependencies).filter(
      (name) => name !== wanted && resolves(`${name}/package.json`)
    );
    if (others.length > 0) {
      lines.push(
        `Found ${others.join(", ")} instead: node_modules was installed on another platform.`
      );
    }
  } else {
    lines.push(
      `postlint: no prebuilt binary for this platform (${platform}): there is no package ${wanted}.`
    );
  }
  lines.push(
    `The npm package has binaries for: ${supported.join(", ")}.`,
    "Ways out:",
    "  - reinstall postlint without omitting optional dependencies (on a supported platform),",
    "    removing node_modules and package-lock.json if they came from another platform",
    "  - pip install postlint",
    "  - cargo install --locked --git https://github.com/postlint/postlint postlint",
    "  - set POSTLINT_BINARY to the path of a postlint binary"
  );
  console.error(lines.join("\n"));
}

function main() {
  const binary = process.env.POSTLINT_BINARY || resolves(`${wanted}/${executable}`);
  if (!binary) {
    reportMissing();
    return 1;
  }

  const result = spawnSync(binary, process.argv.slice(2), { stdio: "inherit" });
  if (result.error) {
    let hint = "";
    if (result.error.code === "EACCES") {
      hint = `\n(the file is not executable: chmod +x ${binary}, or reinstall postlint)`;
    }
    console.error(`postlint: could not run ${binary}: ${result.error.message}${hint}`);
    return 1;
  }
  if (result.signal) {
    // Die of the same signal, so a shell or a CI runner sees what happened to the binary.
    process.kill(process.pid, result.signal);
    // Still here: Node ignores or handles this signal (SIGPIPE); exit the way a shell reports it.
    return 128 + (constants.signals[result.signal] || 0);
  }
  return result.status;
}

process.exitCode = main();
