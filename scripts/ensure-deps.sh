#!/bin/sh
# Checks for what building and testing TwoFutures needs beyond the Swift toolchain:
# the ncursesw headers, tmux for the end-to-end tests and mandoc for the man page's lint
# (and, optionally, NumPy for bench's reference).
# As root it installs what is missing with apt-get; otherwise it prints the exact command
# to run, and fails.
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

# NumPy, optional: `twofutures bench` times scripts/numpy_ensemble.py against the ensemble.
# Installed with pip when python3 is there; without it bench reports numpy_ms as null.
if command -v python3 >/dev/null 2>&1 && ! python3 -c "import numpy" >/dev/null 2>&1; then
    if python3 -m pip install --quiet numpy >/dev/null 2>&1 \
        || python3 -m pip install --quiet --user numpy >/dev/null 2>&1; then
        echo "ensure-deps: installed numpy (for bench's NumPy reference)" >&2
    else
        echo "ensure-deps: numpy not installed; bench will report numpy_ms as null" >&2
    fi
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "ensure-deps: installing$missing" >&2
    if ! apt-get install -y --no-install-recommends $missing >/dev/null 2>&1; then
        apt-get update >/dev/null
        apt-get install -y --no-install-recommends $missing >/dev/null
    fi
    exit 0
fi

echo "ensure-deps: missing$missing. Install with:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 1
