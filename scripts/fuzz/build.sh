#!/bin/sh
# Builds the libFuzzer harness of `make fuzz` into OUT (default .build/fuzz/parsers): the
# modules the parsers need, each with swiftc -sanitize=fuzzer,address and the package's
# -package-name (so that `package` declarations are in reach), then scripts/fuzz/Harness.swift
# with Tests/FormatsTests/FuzzChecks.swift.
set -eu
OUT=${1:-.build/fuzz/parsers}
DIR=$(dirname "$OUT")
mkdir -p "$DIR"
FLAGS="-O -wmo -parse-as-library -sanitize=fuzzer,address -package-name twofutures -I $DIR -I Sources/CPUFeatures"

# module NAME SOURCES...: one module, its .swiftmodule and object in $DIR.
module() {
    name=$1
    shift
    echo "fuzz: $name"
    swiftc $FLAGS -module-name "$name" -emit-module -emit-module-path "$DIR/$name.swiftmodule" \
        -c "$@" -o "$DIR/$name.o"
}

module TOML Sources/TOML/*.swift
module Locks Sources/Locks/*.swift
module FuturesModel $(find Sources/FuturesModel -name '*.swift' | sort)
module Dashboard $(find Sources/Dashboard -name '*.swift' | sort)
module Formats Sources/Formats/*.swift
module TestSupport Tests/TestSupport/*.swift
echo "fuzz: harness"
swiftc -O -parse-as-library -sanitize=fuzzer,address -package-name twofutures -I "$DIR" -I Sources/CPUFeatures \
    -module-name FuzzParsers \
    scripts/fuzz/Harness.swift Tests/FormatsTests/FuzzChecks.swift \
    "$DIR/TOML.o" "$DIR/Locks.o" "$DIR/FuturesModel.o" "$DIR/Dashboard.o" "$DIR/Formats.o" "$DIR/TestSupport.o" -o "$OUT"
