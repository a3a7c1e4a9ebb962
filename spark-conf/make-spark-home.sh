#!/usr/bin/env bash
# Makes a SPARK_HOME out of the kernel's runtime jars, for standalone clusters (local or SLURM):
#   DEST/jars/  symlinks to every jar given (Spark and its dependencies, and the project's java-parallel-core
#               and java-parallel-spark jars, whose classes the cluster scripts and executors need)
#   DEST/conf   symlink to this spark-conf directory (defaults, log4j2, cluster scripts)
# Usage: make-spark-home.sh --jars DIR_OR_JAR [--jars DIR_OR_JAR ...] --dest DIR
# Example (source tree, after `./mvnw package`; kernel/target/lib holds the project's own jars too):
#   spark-conf/make-spark-home.sh --jars kernel/target/lib --jars kernel/target/java-parallel-kernel.jar --dest /tmp/spark-home
set -euo pipefail

usage() {
    echo "usage: $0 --jars DIR_OR_JAR [--jars DIR_OR_JAR ...] --dest DIR" >&2
    echo "  $*" >&2
    exit 2
}

conf_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
sources=()
dest=
while [ $# -gt 0 ]; do
    case "$1" in
        --jars) [ $# -ge 2 ] || usage "--jars needs a directory or a jar"; sources+=("$2"); shift 2 ;;
        --dest) [ $# -ge 2 ] || usage "--dest needs a directory"; dest=$2; shift 2 ;;
        *) usage "unknown argument '$1'" ;;
    esac
done
[ ${#sources[@]} -gt 0 ] || usage "give at least one --jars"
[ -n "$dest" ] || usage "give --dest"

jars=()
for source in "${sources[@]}"; do
    if [ -d "$source" ]; then
        found=("$source"/*.jar)
        [ -e "${found[0]}" ] || usage "no .jar files in $source (run ./mvnw package first)"
        jars+=("${found[@]}")
    elif [ -f "$source" ] && [[ "$source" == *.jar ]]; then
        jars+=("$source")
    else
        usage "'$source' is neither a directory nor a .jar file (run ./mvnw package first)"
    fi
done

case " ${jars[*]##*/} " in
    *" spark-core_"*) ;;
    *) usage "no spark-core jar among the jars given" ;;
esac

mkdir -p "$dest"
dest=$(cd "$dest" && pwd -P)
# Rebuilt from scratch so that jars of an older build do not stay on the classpath.
rm -rf "$dest/jars"
mkdir "$dest/jars"
for jar in "${jars[@]}"; do
    ln -s "$(cd "$(dirname "$jar")" && pwd -P)/$(basename "$jar")" "$dest/jars/"
done
ln -sfn "$conf_dir" "$dest/conf"
echo "$dest"
