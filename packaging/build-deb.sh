#!/usr/bin/env bash
# Builds dist/switchboard_VERSION_ARCH.deb from the tree of the release tarball (build-tarball.sh,
# run first): /usr/bin/switchboard, /usr/share/switchboard, the man page, completions, the systemd
# unit, and /etc/switchboard/switchboard.yml as a conffile. Depends: is what dpkg-shlibdeps finds
# the binary needs (ncursesw, SQLite, libxml2, libstdc++…: the Swift runtime is inside the binary).
#
# Usage: packaging/build-deb.sh [VERSION]     Environment: as build-tarball.sh (DIST_DIR, SCRATCH_PATH).
# Prints the .deb's path as its last line on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DIST_DIR=${DIST_DIR:-$root/dist}

tarball=$(packaging/build-tarball.sh "$@" | tail -n 1)
name=$(basename "$tarball" .tar.gz)
version=${name#switchboard-}
version=${version%-linux-*}
arch=$(dpkg --print-architecture)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -C "$work" -xzf "$tarball"
from=$work/$name
package=$work/package
mkdir -p "$package/DEBIAN" "$package/usr/bin" "$package/usr/share/man/man1" "$package/etc/switchboard" \
    "$package/lib/systemd/system" "$package/usr/share/bash-completion/completions" \
    "$package/usr/share/zsh/vendor-completions" "$package/usr/share/fish/vendor_completions.d"

install -m 0755 "$from/bin/switchboard" "$package/usr/bin/switchboard"
cp -R "$from/share/switchboard" "$package/usr/share/switchboard"
rm -r "$package/usr/share/switchboard/systemd"
cp -R "$from/share/doc" "$package/usr/share/doc"
for page in "$from"/share/man/man1/*.1; do
    compressed=$package/usr/share/man/man1/${page##*/}.gz
    gzip -9n <"$page" >"$compressed"
done
install -m 0644 "$from/share/switchboard/systemd/switchboard.service" "$package/lib/systemd/system/"
install -m 0644 "$from/share/switchboard/examples/switchboard.yml" "$package/etc/switchboard/switchboard.yml"
# bash-completion sources the file: no #! line.
sed '1{/^#!/d}' "$from/share/bash-completion/completions/switchboard" \
    >"$package/usr/share/bash-completion/completions/switchboard"
install -m 0644 "$from/share/zsh/site-functions/_switchboard" "$package/usr/share/zsh/vendor-completions/_switchboard"
install -m 0644 "$from/share/fish/vendor_completions.d/switchboard.fish" \
    "$package/usr/share/fish/vendor_completions.d/switchboard.fish"
cat >"$package/usr/share/doc/switchboard/copyright" <<'EOF'
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: switchboard
Copyright: the Switchboard maintainers
Comment: Built from the Switchboard repository, which names no license yet.
 Swift's standard library and Foundation are linked into /usr/bin/switchboard
 (Apache License 2.0 with Runtime Library Exception), as are the Swift packages
 in the repository's Package.swift, each under its own license.
EOF
# A native package's changelog: one entry for this build.
changelog_date=$(git log -1 --format=%aD 2>/dev/null || date -R)
printf 'switchboard (%s) unstable; urgency=medium\n\n  * Release %s, built by packaging/build-deb.sh.\n\n -- %s  %s\n' \
    "$version" "$version" "Switchboard maintainers <maintainers@switchboard.invalid>" "$changelog_date" |
    gzip -9n >"$package/usr/share/doc/switchboard/changelog.gz"
find "$package" -type d -exec chmod 0755 {} +
find "$package" -type f ! -path "$package/usr/bin/*" -exec chmod 0644 {} +

# dpkg-shlibdeps reads the source package's debian/control: a minimal one, in a folder of its own.
mkdir -p "$work/source/debian"
printf 'Source: switchboard\n\nPackage: switchboard\nArchitecture: any\n' >"$work/source/debian/control"
depends=$(cd "$work/source" && dpkg-shlibdeps -O "$package/usr/bin/switchboard" | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || {
    echo "error: dpkg-shlibdeps found no dependencies of the binary" >&2
    exit 1
}
size=$(du -sk --exclude=DEBIAN "$package" | cut -f1)

cat >"$package/DEBIAN/control" <<EOF
Package: switchboard
Version: $version
Architecture: $arch
Maintainer: Switchboard maintainers <maintainers@switchboard.invalid>
Installed-Size: $size
Depends: $depends
Section: admin
Priority: optional
Homepage: https://switchboard.invalid
Description: terminal operations console for integration landscapes
 Switchboard polls the systems and interfaces of an integration landscape
 (REST, SOAP, queues, file drops, database links, jobs), evaluates
 Prometheus-style alert rules over their history, keeps the alert queue with
 acknowledgements and silences, and shows it all live in an ncurses console.
 .
 This package holds the switchboard command, its themes and built-in rules,
 shell completions, and a systemd unit for switchboard serve, the headless
 engine the consoles of a jump host attach to.
EOF
echo /etc/switchboard/switchboard.yml >"$package/DEBIAN/conffiles"
chmod 0644 "$package/DEBIAN/control" "$package/DEBIAN/conffiles"

deb=$DIST_DIR/switchboard_${version}_$arch.deb
dpkg-deb --build --root-owner-group -Zxz "$package" "$deb.partial" >&2
mv "$deb.partial" "$deb"
echo "$deb"
