# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
# Sourced by the local and the SLURM cluster scripts: starting Spark's Master and Worker JVMs from
# the project's jars and watching the master. Needs spark-env.sh sourced first.

# Spark's module options for the daemons, asked once per script run.
jp_load_spark_jvm_options() {
    mapfile -t JP_SPARK_JVM_OPTIONS < <(jp_spark_jvm_options)
    [ ${#JP_SPARK_JVM_OPTIONS[@]} -gt 0 ] || jp_die "could not read Spark's JVM options with
  $JAVA -cp '$SPARK_HOME/jars/*' org.javaparallel.spark.SparkJvmOptions
  (is the java-parallel kernel jar in $SPARK_HOME/jars?)"
}

# The command line of a Spark daemon, into the array JP_COMMAND: jp_spark_daemon_command Master|Worker ARGS...
# The daemons' heap is small: executors, not daemons, do the work.
jp_spark_daemon_command() {
    local role=$1
    shift
    JP_COMMAND=("$JAVA" "${JP_SPARK_JVM_OPTIONS[@]}" "-Xmx${JP_DAEMON_MEMORY:-512m}" -cp "$(jp_classpath)"
        "org.apache.spark.deploy.${role,,}.$role" "$@")
}

# 32 random bytes in hex.
jp_random_hex() {
    head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n'
}

# Writes standard input to FILE, readable by this user only: jp_write_private FILE. The file is made anew, as an
# existing one would keep its mode.
jp_write_private() {
    rm -f "$1"
    (umask 077 && cat >"$1")
}

# The settings a driver needs to join a cluster that requires SECRET: jp_auth_settings SECRET
jp_auth_settings() {
    printf 'spark.authenticate true\nspark.authenticate.secret %s\n' "$1"
}

# A secret only this user can read, a token for the daemons' web UIs in JP_UI_TOKEN, and the daemons'
# properties: spark-defaults.conf, spark.authenticate with that secret, the UIs' token filter (the kernel's
# org.javaparallel.spark.UiTokenFilter) with that token, and the further "key value" LINEs given. The daemons read
# both from there, never from their command line (ps shows that to every user).
# jp_write_secret SECRET_FILE PROPERTIES_FILE [LINE...]
jp_write_secret() {
    local secret_file=$1 properties=$2 secret
    shift 2
    secret=$(jp_random_hex)
    JP_UI_TOKEN=$(jp_random_hex)
    printf '%s' "$secret" | jp_write_private "$secret_file"
    {
        cat "$SPARK_CONF_DIR/spark-defaults.conf"
        echo
        jp_auth_settings "$secret"
        printf 'spark.ui.filters org.javaparallel.spark.UiTokenFilter\n'
        printf 'spark.org.javaparallel.spark.UiTokenFilter.param.token %s\n' "$JP_UI_TOKEN"
        if [ $# -gt 0 ]; then printf '%s\n' "$@"; fi
    } | jp_write_private "$properties"
}

# The address of a daemon's web UI with its token (see jp_write_secret): jp_ui_link HOST PORT
jp_ui_link() {
    echo "http://$1:$2/?token=$JP_UI_TOKEN"
}

# First port from START up that nobody listens on at HOST.
jp_free_port() {
    local host=$1 port=$2
    while (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; do
        port=$((port + 1))
    done
    echo "$port"
}

# The master's status as JSON (/json/ of its web UI, with the token of jp_write_secret), empty when it does
# not answer with it (a refusal, or another server on that port, counts as no answer).
jp_master_json() {
    local reply
    # the token travels in the environment, which only this user can read, not on a command line
    reply=$(JP_TOKEN=$JP_UI_TOKEN timeout 5 bash -c 'exec 3<>"/dev/tcp/$0/$1" || exit 1
        printf "GET /json/?token=%s HTTP/1.0\r\nHost: %s\r\n\r\n" "$JP_TOKEN" "$0" >&3
        cat <&3' "$1" "$2" 2>/dev/null) || true
    if [[ $reply == HTTP/1.[01]" 200 "* ]]; then
        printf '%s\n' "$reply"
    fi
}

jp_alive_workers() {
    sed -n 's/.*"aliveworkers"[[:space:]]*:[[:space:]]*\([0-9]*\).*/\1/p' <<<"$1" | head -n 1
}

# Waits until the master at HOST answers on web UI port UI: jp_wait_for_master HOST UI TIMEOUT_SECONDS PID
# (fails early when PID, the master's process, died).
jp_wait_for_master() {
    local host=$1 ui=$2 timeout=$3 pid=$4
    local deadline=$((SECONDS + timeout))
    while [ -z "$(jp_master_json "$host" "$ui")" ]; do
        kill -0 "$pid" 2>/dev/null || { echo "java-parallel: the Spark master exited at start" >&2; return 1; }
        [ $SECONDS -lt $deadline ] || { echo "java-parallel: the master did not answer on http://$host:$ui/json/ within ${timeout}s" >&2; return 1; }
        sleep 1
    done
}

# Waits until the master at HOST with web UI port UI counts N alive workers.
# jp_wait_for_workers HOST UI N TIMEOUT_SECONDS PID... : fails early when one of the PIDs died.
jp_wait_for_workers() {
    local host=$1 ui=$2 want=$3 timeout=$4 alive pid
    shift 4
    local deadline=$((SECONDS + timeout))
    while [ $SECONDS -lt $deadline ]; do
        alive=$(jp_alive_workers "$(jp_master_json "$host" "$ui")")
        [ "${alive:-0}" -ge "$want" ] && return 0
        for pid in "$@"; do
            kill -0 "$pid" 2>/dev/null || { echo "java-parallel: process $pid exited" >&2; return 1; }
        done
        sleep 1
    done
    echo "java-parallel: after ${timeout}s the master at $host (UI port $ui) counts ${alive:-no} of $want workers" >&2
    return 1
}
