#!/usr/bin/env bash
# Stops the local cluster start-local-cluster.sh started: workers (with the executors they launched,
# which share their process group), then the master; by pid, waiting until each group is gone.
# State directory: as in start-local-cluster.sh.
set -euo pipefail
state=${JAVA_PARALLEL_LOCAL_CLUSTER_DIR:-${JAVA_PARALLEL_STATE_DIR:-$HOME/.java-parallel}/local-cluster}
[ -d "$state" ] || exit 0

group_alive() {
    kill -0 -- "-$1" 2>/dev/null
}

# A pid file can outlive its process (reboot): only a Spark daemon's group is signalled.
is_spark_daemon() {
    tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q 'org\.apache\.spark\.deploy\.'
}

stop_group() {
    local pid_file=$1 pid
    pid=$(cat "$pid_file")
    if is_spark_daemon "$pid"; then
        kill -TERM -- "-$pid" 2>/dev/null || true
        for _ in $(seq 40); do
            group_alive "$pid" || break
            sleep 0.25
        done
        if group_alive "$pid"; then
            echo "java-parallel: process group $pid ignored SIGTERM for 10s, killing it" >&2
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    fi
    rm -f "$pid_file"
}

for pid_file in "$state"/worker-*.pid; do
    [ -e "$pid_file" ] && stop_group "$pid_file"
done
[ -e "$state/master.pid" ] && stop_group "$state/master.pid"
rm -rf "$state"/worker-*/ "$state/master-url" "$state/ui-url"
