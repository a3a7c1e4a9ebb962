#!/bin/bash
# What a woven stop check costs a hot loop, per design and JDK, and whether it stops loops.
# Usage: bench/stop-check/run.sh [-n ITERATIONS] [-r REPS] [-s STOP_RUNS] [-j JAVA_HOME]... [DESIGN...]
#   designs: the directories under hooks/ (default: all; "kernel" needs `mvn -DskipTests -pl parallel package`)
#   -j: a JDK to run on, repeatable (default: the java on PATH and /usr/lib/jvm/temurin-25-jdk-amd64 if there)
#   JVM_OPTS: extra options for the measured JVMs, e.g. JVM_OPTS=-XX:TieredStopAtLevel=1 (C1 only) or -Xint
# Each design runs in a fresh JVM; one line per design and JDK.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
iterations=300000000 reps=8 stop_runs=20 jdks=()
while getopts "n:r:s:j:" opt; do
    case $opt in
        n) iterations=$OPTARG ;;
        r) reps=$OPTARG ;;
        s) stop_runs=$OPTARG ;;
        j) jdks+=("$OPTARG") ;;
        *) sed -n '2,7p' "$0"; exit 2 ;;
    esac
done
shift $((OPTIND - 1))
if [ ${#jdks[@]} -eq 0 ]; then
    jdks=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
    [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ] && jdks+=(/usr/lib/jvm/temurin-25-jdk-amd64)
fi
designs=("$@")
[ ${#designs[@]} -eq 0 ] && designs=($(ls "$here/hooks"))
kernel_classes=$here/../../parallel/target/classes
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for design in "${designs[@]}"; do
    [ -f "$here/hooks/$design/Hook.java" ] || { echo "no design '$design': see $here/hooks" >&2; exit 2; }
    if [ "$design" = kernel ] && [ ! -d "$kernel_classes" ]; then
        echo "skipping kernel: build it first (mvn -q -B -DskipTests -pl parallel package)" >&2
        continue
    fi
    javac --release 17 -cp "$kernel_classes" -d "$out/$design" "$here"/src/*.java "$here/hooks/$design/Hook.java"
done
for jdk in "${jdks[@]}"; do
    for design in "${designs[@]}"; do
        [ -d "$out/$design" ] || continue
        # shellcheck disable=SC2086
        "$jdk/bin/java" ${JVM_OPTS:-} -cp "$out/$design:$kernel_classes" stopcheck.StopCheckBench \
            "$design" "$iterations" "$reps" "$stop_runs"
    done
done
