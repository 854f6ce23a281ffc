#!/bin/sh
# Checks for what building and testing TwoFutures needs beyond the Swift toolchain:
# the ncursesw headers, tmux for the end-to-end tests, mandoc for the man page's lint,
# lintian for the Debian package's,
# rsvg-convert (librsvg2-bin) to render the SVG pictures, and python3 with venv for the
# share tests' Python tools. As root it installs what is missing with apt-get; otherwise
# it prints the exact command to run, and fails. Then it puts pyte (a terminal emulator
# that replays casts) and asciinema (which reads them) from PyPI into a virtual
# environment under .build/share-tools, where the tests look for them first, and, optionally,
# NumPy for bench's reference.
set -eu

missing=""
# The -dev package brings both the wide-character header and the linker's libncursesw.so.
have_lib=no
for f in /usr/lib/*/libncursesw.so /usr/lib/libncursesw.so /usr/lib64/libncursesw.so; do
    [ -e "$f" ] && have_lib=yes
done
if [ ! -f /usr/include/ncursesw/ncurses.h ] || [ "$have_lib" = no ]; then
    missing="$missing libncurses-dev"
fi

# tmux drives the end-to-end tests of the live dashboard.
if ! command -v tmux >/dev/null 2>&1; then
    missing="$missing tmux"
fi

# mandoc checks the generated man page (mandoc -T lint).
if ! command -v mandoc >/dev/null 2>&1; then
    missing="$missing mandoc"
fi

# rsvg-convert renders the SVG screens to PNG in the share tests.
if ! command -v rsvg-convert >/dev/null 2>&1; then
    missing="$missing librsvg2-bin"
fi

# python3 and its venv module (Debian splits ensurepip into python3-venv) for the tools below.
if ! command -v python3 >/dev/null 2>&1; then
    missing="$missing python3 python3-venv"
elif ! python3 -c "import ensurepip" >/dev/null 2>&1; then
    missing="$missing python3-venv"
fi

# lintian checks the Debian package that make deb writes (a test runs it on the .deb).
if ! command -v lintian >/dev/null 2>&1; then
    missing="$missing lintian"
fi

if [ -n "$missing" ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "ensure-deps: installing$missing" >&2
        # A fresh machine has no package lists yet: update first when the install fails.
        if ! apt-get install -y --no-install-recommends $missing >/dev/null 2>&1; then
            apt-get update >/dev/null
            apt-get install -y --no-install-recommends $missing >/dev/null
        fi
    else
        echo "ensure-deps: missing$missing. Install with:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y$missing" >&2
        exit 1
    fi
fi

# pyte and asciinema from PyPI, in a venv of our own (no system or user site touched).
venv=.build/share-tools
if ! "$venv/bin/python3" -c "import pyte" >/dev/null 2>&1 || [ ! -x "$venv/bin/asciinema" ]; then
    echo "ensure-deps: installing pyte and asciinema into $venv" >&2
    mkdir -p .build
    python3 -m venv "$venv"
    "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check pyte asciinema
fi

# NumPy, optional, in the same venv (Debian's python3 refuses pip installs outside one):
# `twofutures bench` times scripts/numpy_ensemble.py with this venv's python3 when it is
# there, else with the python3 on PATH. Without NumPy bench reports numpy_ms as null.
if ! "$venv/bin/python3" -c "import numpy" >/dev/null 2>&1; then
    if "$venv/bin/python3" -m pip install --quiet --disable-pip-version-check numpy >/dev/null 2>&1; then
        echo "ensure-deps: installed numpy into $venv (for bench's NumPy reference)" >&2
    else
        echo "ensure-deps: numpy not installed; bench will report numpy_ms as null" >&2
    fi
fi
exit 0
