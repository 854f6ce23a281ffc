#!/bin/sh
# Measures the bytes the dashboard writes to the terminal per arrow keypress: it runs
# the dashboard in a private tmux server at 120×36, records the pane's output with
# pipe-pane, presses Right N times (one at a time, waiting for the ensemble's frame
# too) and prints the average. Usage: scripts/bytes-per-key.sh [BINARY] [N]
set -eu
bin=${1:-.build/release/twofutures}
n=${2:-20}
sock=tf-bytes-$$
out=$(mktemp)
trap 'tmux -L $sock kill-server 2>/dev/null; rm -f "$out"' EXIT
tmux -L $sock -f /dev/null new-session -d -s b -x 120 -y 36 "TERM=xterm-256color $bin --members 2000"
sleep 1.5
tmux -L $sock pipe-pane -t b -o "cat >> $out"
sleep 0.3
start=$(wc -c < "$out")
i=0
while [ $i -lt "$n" ]; do
    tmux -L $sock send-keys -t b Right
    sleep 0.25
    i=$((i + 1))
done
end=$(wc -c < "$out")
echo "bytes per Right keypress (keypress frame + ensemble frame), average of $n: $(( (end - start) / n ))"
