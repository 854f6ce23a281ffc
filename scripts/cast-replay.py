#!/usr/bin/env python3
"""Replays an asciicast v2 file through pyte, a real terminal emulator, and prints the
final screen: its text, one line per row (the default), or with --cells a JSON object
{"lines": [...], "cells": [[[fg, bg, bold, reverse], ...], ...]} with every cell's colours
as pyte keeps them ("default", or "rrggbb"). Checks on the way that the header and every
event line are JSON, that times never go back and that the size is the header's; a
broken cast exits 1 with one line. The tests of `twofutures demo --cast` run it; `make
deps` installs pyte.
"""
import json
import sys

try:
    import pyte
except ImportError:
    sys.exit("cast-replay: pyte is missing; run `make deps` (python3 -m pip install pyte)")


def fail(message):
    print(f"cast-replay: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 1:
        fail("usage: cast-replay.py [--cells] FILE.cast")
    with open(args[0], encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    try:
        header = json.loads(lines[0])
    except (IndexError, json.JSONDecodeError) as e:
        fail(f"line 1: the header is not JSON: {e}")
    if header.get("version") != 2:
        fail("line 1: version is not 2")
    width, height = header["width"], header["height"]
    screen = pyte.Screen(width, height)
    stream = pyte.Stream(screen)
    last = 0.0
    for number, line in enumerate(lines[1:], start=2):
        try:
            time, kind, data = json.loads(line)
        except (json.JSONDecodeError, ValueError) as e:
            fail(f"line {number}: not an event [time, kind, data]: {e}")
        if time < last:
            fail(f"line {number}: time {time} before {last}")
        last = time
        if kind == "o":
            stream.feed(data)
        elif kind == "r":
            columns, rows = (int(n) for n in data.split("x"))
            screen.resize(rows, columns)
            width, height = columns, rows
    if "--cells" in sys.argv:
        cells = [
            [[c.fg, c.bg, c.bold, c.reverse] for c in (screen.buffer[y][x] for x in range(width))]
            for y in range(height)
        ]
        json.dump({"lines": screen.display, "cells": cells}, sys.stdout, ensure_ascii=False)
    else:
        sys.stdout.write("\n".join(screen.display) + "\n")


main()
