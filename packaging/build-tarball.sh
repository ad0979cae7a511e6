#!/usr/bin/env bash
# Builds the release tarball for a jump host without Swift:
#   dist/switchboard-VERSION-linux-ARCH.tar.gz
# holding bin/switchboard (Swift's standard library and Foundation linked in statically), the
# themes, rules and demo config under share/switchboard, the man page, shell completions for bash,
# zsh and fish, the systemd unit and an example service config.
#
# Usage: packaging/build-tarball.sh [VERSION]      (default: what `switchboard --version` says)
# Prints the tarball's path as its last line on stdout; the build's output goes to stderr.
# Environment: DIST_DIR (default dist), SCRATCH_PATH (default .build/package: its own build folder,
# so it never waits for or invalidates the debug build in .build).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
dist=${DIST_DIR:-$root/dist}
scratch=${SCRATCH_PATH:-$root/.build/package}
mkdir -p "$dist"
dist=$(cd "$dist" && pwd)

echo "building switchboard (release, static Swift stdlib) in $scratch" >&2
swift build -c release --static-swift-stdlib --product switchboard --scratch-path "$scratch" >&2
binary=$(swift build -c release --static-swift-stdlib --product switchboard --scratch-path "$scratch" --show-bin-path)/switchboard

built_version=$("$binary" --version)
version=${1:-$built_version}
arch=$(uname -m)
name=switchboard-$version-linux-$arch

# generate-manual (a tool of swift-argument-parser, run by its GenerateManual plugin) is built
# from the pinned checkout directly: the plugin would build every product of the package again.
tools_source=$scratch/argument-parser-tools/source
rm -rf "$tools_source"
mkdir -p "$tools_source"
tar -C "$scratch/checkouts/swift-argument-parser" --exclude=.git -cf - . | tar -C "$tools_source" -xf -
echo "building generate-manual from swift-argument-parser" >&2
swift build --package-path "$tools_source" --scratch-path "$scratch/argument-parser-tools/build" \
    --product generate-manual >&2
generate_manual=$(swift build --package-path "$tools_source" \
    --scratch-path "$scratch/argument-parser-tools/build" --product generate-manual --show-bin-path)/generate-manual

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
tree=$stage/$name
mkdir -p "$tree/bin" "$tree/share/switchboard/themes" "$tree/share/switchboard/rules" \
    "$tree/share/switchboard/demo" "$tree/share/switchboard/examples" "$tree/share/switchboard/systemd" \
    "$tree/share/man/man1" "$tree/share/doc/switchboard" "$tree/share/bash-completion/completions" \
    "$tree/share/zsh/site-functions" "$tree/share/fish/vendor_completions.d"

install -m 0755 "$binary" "$tree/bin/switchboard"
strip --strip-unneeded "$tree/bin/switchboard"
install -m 0644 themes/*.yaml "$tree/share/switchboard/themes/"
install -m 0644 rules/*.yml "$tree/share/switchboard/rules/"
# The demo's config names its rule file relative to itself, as in the binary's resource bundle.
install -m 0644 Sources/Demo/Resources/demo.yaml rules/builtin.yml "$tree/share/switchboard/demo/"
install -m 0644 Sources/Demo/Resources/demo.yaml packaging/switchboard.yml "$tree/share/switchboard/examples/"
install -m 0644 packaging/switchboard.service "$tree/share/switchboard/systemd/"
install -m 0644 README.md "$tree/share/doc/switchboard/"
for license in LICENSE LICENSE.txt LICENSE.md COPYING; do
    if [ -f "$license" ]; then install -m 0644 "$license" "$tree/share/doc/switchboard/"; fi
done

# The man page's date is the last commit's, so the same commit gives the same page.
date=$(git log -1 --format=%cs 2>/dev/null || date -u +%F)
"$generate_manual" "$tree/bin/switchboard" --date "$date" --output-directory "$tree/share/man/man1" >&2
[ -s "$tree/share/man/man1/switchboard.1" ] || {
    echo "error: generate-manual wrote no switchboard.1" >&2
    exit 1
}
# A blank line inside a paragraph of the discussion is a paragraph break in mdoc (groff warns otherwise).
sed -i 's/^$/.Pp/' "$tree/share/man/man1/switchboard.1"

"$tree/bin/switchboard" --generate-completion-script bash >"$tree/share/bash-completion/completions/switchboard"
"$tree/bin/switchboard" --generate-completion-script zsh >"$tree/share/zsh/site-functions/_switchboard"
"$tree/bin/switchboard" --generate-completion-script fish >"$tree/share/fish/vendor_completions.d/switchboard.fish"

# Owned by root, dated by the commit: the archive does not depend on who built it or when.
mtime=$(git log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
tarball=$dist/$name.tar.gz
tar -C "$stage" --sort=name --owner=0 --group=0 --numeric-owner --mtime="$mtime" -cf - "$name" |
    gzip -n >"$tarball.partial"
mv "$tarball.partial" "$tarball"
echo "$tarball"
