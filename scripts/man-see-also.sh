#!/bin/sh
# Appends a SEE ALSO section to the man page that swift-argument-parser's GenerateManual
# plugin wrote (it has no way to add one): the guides, where `make install`, the tarball and
# the Debian package put them. Run by `make manual`; running it twice changes nothing.
#
#   scripts/man-see-also.sh MANPAGE
set -eu
page=${1:?usage: scripts/man-see-also.sh MANPAGE}
if grep -q '^\.Sh "SEE ALSO"' "$page"; then exit 0; fi
# The plugin's page ends without a line break.
if [ -n "$(tail -c 1 "$page")" ]; then echo >>"$page"; fi
cat >>"$page" <<'MDOC'
.Sh "SEE ALSO"
The guides, installed in
.Pa share/doc/twofutures
under the prefix
.Pf ( Pa /usr/share/doc/twofutures
from the Debian package,
.Pa /usr/local/share/doc/twofutures
from the tarball or
.Ql make install ) :
.Bl -tag -width Ds
.It Pa README.md
what it is, install, the main keys, a worked question
.It Pa docs/dashboard.md
the dashboard and every key
.It Pa docs/lenses-and-themes.md
lenses (the critics' assumptions) and themes
.It Pa docs/demos.md
demos, presenting (chapters, speaker notes, spotlight, predict) and sharing
.It Pa docs/CLI.md
the command line and scenario files
.It Pa docs/MODEL.md
the model, its equations and parameters
.It Pa docs/performance.md
method, budgets and measurements
.It Pa docs/ARCHITECTURE.md
how the code is built
.El
MDOC
