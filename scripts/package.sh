#!/bin/sh
# Packages an already-built twofutures for people without Swift:
#
#   scripts/package.sh dist BINARY MANPAGE [OUTDIR]  # twofutures-VERSION-linux-ARCH.tar.gz
#   scripts/package.sh deb  BINARY MANPAGE [OUTDIR]  # twofutures_VERSION_DEBARCH.deb
#
# `make dist` and `make deb` call it after a static build (`make build`). The files are
# the ones scripts/install.sh installs (the binary, stripped by it; themes, lenses, demos, the
# man page, shell completions), plus README.md, LICENSE and CHANGELOG.md under
# share/doc/twofutures. The tarball is laid out for `tar -C /usr/local -xzf`; the .deb puts
# the same files under /usr, with the man page gzipped and `Depends:` computed from the
# binary by dpkg-shlibdeps. VERSION is the binary's own (`twofutures --version`), written
# in one place: Sources/twofutures/TwoFutures.swift.
set -eu

usage() {
    echo "usage: scripts/package.sh dist|deb BINARY MANPAGE [OUTDIR]" >&2
    exit 64
}

[ $# -eq 3 ] || [ $# -eq 4 ] || usage
kind=$1
binary=$2
manpage=$3
out=${4:-.}
case $kind in dist | deb) ;; *) usage ;; esac
root=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -x "$binary" ]; then
    echo "package.sh: $binary is not an executable file (run make build first)" >&2
    exit 66
fi
# "twofutures 0.1.0 (model twofutures/3)" -> 0.1.0
version=$("$binary" --version | awk '{ print $2 }')
case $version in
[0-9]*.[0-9]*.[0-9]*) ;;
*)
    echo "package.sh: cannot read the version from '$binary --version'" >&2
    exit 70
    ;;
esac
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
# Reproducible archives: every file dated at the last commit (or the epoch outside git).
epoch=$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)

# Stages the installed files under $stage$1 (a prefix), with the documents.
stage_files() {
    prefix=$1
    # install.sh installs the binary stripped.
    PREFIX=$prefix DESTDIR=$stage "$root/scripts/install.sh" install "$binary" "$manpage" >/dev/null
    doc=$stage$prefix/share/doc/twofutures
    install -d "$doc"
    for f in README.md LICENSE CHANGELOG.md; do install -m 644 "$root/$f" "$doc/$f"; done
}

case $kind in
dist)
    arch=$(uname -m)
    name=twofutures-$version-linux-$arch.tar.gz
    stage_files /usr/local
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" \
        -C "$stage/usr/local" -cf - bin share | gzip -9n >"$out/$name.tmp"
    mv "$out/$name.tmp" "$out/$name"
    echo "$out/$name"
    ;;
deb)
    arch=$(dpkg --print-architecture)
    name=twofutures_${version}_$arch.deb
    pkg=$stage/pkg
    mkdir -p "$pkg"
    stage=$pkg
    stage_files /usr
    # A completion file is sourced, not run: no #! line (lintian's bash-completion-with-hashbang).
    sed -i '1{/^#!/d}' "$pkg/usr/share/bash-completion/completions/twofutures"
    # Debian keeps man pages gzipped, and the license as the package's copyright file.
    gzip -9n "$pkg/usr/share/man/man1/twofutures.1"
    doc=$pkg/usr/share/doc/twofutures
    rm "$doc/LICENSE"
    cat >"$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: twofutures

Files: *
Copyright: 2026 The TwoFutures authors
License: Apache-2.0
 On Debian systems, the full text of the Apache License 2.0 is in
 /usr/share/common-licenses/Apache-2.0.
EOF
    gzip -9n -c "$root/CHANGELOG.md" >"$doc/changelog.gz"
    rm "$doc/CHANGELOG.md"
    # A native package's changelog, in Debian's own format.
    date=$(date -u -R -d "@$epoch")
    printf 'twofutures (%s) unstable; urgency=medium\n\n  * Release %s: see /usr/share/doc/twofutures/changelog.gz.\n\n -- TwoFutures authors <twofutures@example.org>  %s\n' \
        "$version" "$version" "$date" | gzip -9n >"$doc/changelog.Debian.gz"
    # Depends from the binary's shared libraries (dpkg-shlibdeps wants a debian/control).
    work=$stage/../shlibs
    mkdir -p "$work/debian"
    printf 'Source: twofutures\n\nPackage: twofutures\nArchitecture: any\n' >"$work/debian/control"
    depends=$(cd "$work" && dpkg-shlibdeps -O "$pkg/usr/bin/twofutures" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
    if [ -z "$depends" ]; then
        echo "package.sh: dpkg-shlibdeps found no dependencies for $pkg/usr/bin/twofutures" >&2
        exit 70
    fi
    size=$(du -sk "$pkg/usr" | cut -f1)
    mkdir -p "$pkg/DEBIAN"
    cat >"$pkg/DEBIAN/control" <<EOF
Package: twofutures
Version: $version
Architecture: $arch
Maintainer: TwoFutures authors <twofutures@example.org>
Installed-Size: $size
Depends: $depends
Section: misc
Priority: optional
Description: terminal dashboard of the US-China AI race's two futures
 An illustrative model of the essay "2028: Two scenarios for global AI
 leadership" (May 2026), not a forecast. Sliders for five policy levers and
 ten contested assumptions drive a simulation across thousands of worlds; the
 dashboard shows both futures, your policy with its uncertainty band, the
 outcome probabilities and which lever moves which future under whose
 assumptions. Also a command line (run, answer, compare, map) and demos.
EOF
    find "$pkg" -exec touch -h -d "@$epoch" {} +
    find "$pkg" -type d -exec chmod 755 {} +
    dpkg-deb --root-owner-group -Zxz --build "$pkg" "$out/$name.tmp" >/dev/null
    mv "$out/$name.tmp" "$out/$name"
    echo "$out/$name"
    ;;
esac
