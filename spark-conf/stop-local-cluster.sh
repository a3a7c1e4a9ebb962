#!/usr/bin/env bash
# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
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

# Signals the process groups of the daemons in the given pid files at once, then waits for them.
stop_groups() {
    local pid_file pids=() pid
    for pid_file in "$@"; do
        [ -e "$pid_file" ] || continue
        pid=$(cat "$pid_file")
        if is_spark_daemon "$pid"; then
            kill -TERM -- "-$pid" 2>/dev/null || true
            pids+=("$pid")
        fi
        rm -f "$pid_file"
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 60); do
            group_alive "$pid" || break
            sleep 0.25
        done
        if group_alive "$pid"; then
            echo "java-parallel: process group $pid ignored SIGTERM for 15s, killing it" >&2
            kill -KILL -- "-$pid" 2>/dev/null || true
        fi
    done
}

# Workers first: a master stopped first would make them try to reconnect instead of exiting.
stop_groups "$state"/worker-*.pid
stop_groups "$state/master.pid"
rm -rf "$state"/worker-*/ "$state/master-url" "$state/ui-url" "$state/secret" "$state/cluster.conf" "$state/driver.conf"
