# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
# Sourced (never run) by the java-parallel cluster scripts. Spark's own bin/ scripts are not used:
# the scripts start Spark's JVMs themselves from the project's jars, so this file sets what those
# scripts would have set, and finds the JDK the kernel runs on (driver and executors must share it).
#
# Sets: JP_CONF_DIR, SPARK_HOME, SPARK_CONF_DIR, SPARK_SCALA_VERSION, SPARK_LOCAL_IP (127.0.0.1 unless
# already set), JAVA (the java binary). Defines: jp_die, jp_java_feature, jp_spark_jvm_options, jp_classpath.
# Overrides: SPARK_HOME; JP_JAVA_HOME (a JDK to use instead of the kernel's); JP_KERNEL_NAME (kernelspec
# to take the JDK from, default java-parallel).

jp_die() {
    echo "java-parallel: $*" >&2
    exit 1
}

# Kept as the logical path: when reached through SPARK_HOME/conf (a symlink), its parent is SPARK_HOME.
JP_CONF_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# Lexically: conf/.. on the file system would be the parent of the directory conf links to.
if [ -z "${SPARK_HOME:-}" ] && [ -d "$(dirname "$JP_CONF_DIR")/jars" ]; then
    SPARK_HOME=$(dirname "$JP_CONF_DIR")
fi
[ -n "${SPARK_HOME:-}" ] && [ -d "$SPARK_HOME/jars" ] || jp_die "SPARK_HOME is not set or has no jars/ directory
  (SPARK_HOME='${SPARK_HOME:-}'). Make one with
  spark-conf/make-spark-home.sh --jars <kernel lib dir> --jars <kernel jar> --dest <dir>
  and export SPARK_HOME=<dir>, or run the scripts from <dir>/conf/."
export SPARK_HOME
export SPARK_CONF_DIR="${SPARK_CONF_DIR:-$SPARK_HOME/conf}"
# Without it a Worker cannot build an executor's command line ("Cannot find any build directories").
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# The java binary of the installed java-parallel kernelspec (argv[0] of its kernel.json), if any.
jp_kernelspec_java() {
    local name=${JP_KERNEL_NAME:-java-parallel} dir spec java
    # an install.sh --prefix DIR install keeps its spark-home in DIR/share/java-parallel/spark-home
    for dir in ${SPARK_HOME:+"$SPARK_HOME/../../jupyter/kernels"} \
               "${JUPYTER_DATA_DIR:-$HOME/.local/share/jupyter}/kernels" \
               /usr/local/share/jupyter/kernels /usr/share/jupyter/kernels; do
        spec="$dir/$name/kernel.json"
        [ -f "$spec" ] || continue
        java=$(tr -d '\n' < "$spec" | sed -n 's/.*"argv"[[:space:]]*:[[:space:]]*\[[[:space:]]*"\([^"]*\)".*/\1/p')
        case "$java" in
            */bin/java) [ -x "$java" ] && { echo "$java"; return 0; } ;;
        esac
    done
    return 1
}

if [ -n "${JP_JAVA_HOME:-}" ]; then
    JAVA="$JP_JAVA_HOME/bin/java"
elif JAVA=$(jp_kernelspec_java); then
    :
elif [ -n "${JAVA_HOME:-}" ]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA=$(command -v java) || jp_die "no java found: set JP_JAVA_HOME to the JDK the kernel runs on"
fi
[ -x "$JAVA" ] || jp_die "$JAVA is not an executable java (set JP_JAVA_HOME to a JDK)"

jp_java_feature() {
    "$JAVA" -XshowSettings:properties -version 2>&1 \
        | sed -n 's/^[[:space:]]*java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Spark 4.1 cannot run its daemons and executors on Java 23+: Hadoop's UserGroupInformation calls
# Subject.getSubject, which throws there, so executors die at start.
jp_require_supported_java() {
    local feature
    feature=$(jp_java_feature)
    [ -n "$feature" ] || jp_die "cannot tell the version of $JAVA"
    [ "$feature" -ge 17 ] && [ "$feature" -le 22 ] || jp_die "$JAVA is Java $feature; Spark 4.1 clusters need
  Java 17 to 22 (on 23+ Hadoop's Subject.getSubject fails and executors die at start). Set JP_JAVA_HOME
  to a JDK 17 and use the same JDK for the kernel."
}

jp_classpath() {
    echo "$SPARK_CONF_DIR:$SPARK_HOME/jars/*"
}

# Spark's module options (--add-opens ...), asked from the Spark on the classpath, one per line.
jp_spark_jvm_options() {
    "$JAVA" -cp "$SPARK_HOME/jars/*" org.javaparallel.spark.SparkJvmOptions
}
