#!/usr/bin/env bash
# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
# Starts a Spark standalone cluster on this machine, on 127.0.0.1 only: one master and WORKERS
# workers with CORES cores and MEMORY (e.g. 1g, 512m) each, from the project's jars.
# Usage: start-local-cluster.sh [WORKERS=2] [CORES=1] [MEMORY=1g]
# Prints the master URL (spark://127.0.0.1:PORT) when every worker has registered.
# The cluster requires a secret (spark.authenticate), which only this user can read: other users of the
# machine reach 127.0.0.1 too. The kernel reads it for a session on this master's URL. The daemons' web UIs open
# only with a token: ui-url holds the master UI's address with it.
# State (pids, logs, master-url, ui-url, secret, cluster.conf: the daemons' properties, driver.conf: the secret
# for other drivers, e.g. spark-submit --properties-file): $JAVA_PARALLEL_LOCAL_CLUSTER_DIR, by default
# ${JAVA_PARALLEL_STATE_DIR:-~/.java-parallel}/local-cluster. Stop with stop-local-cluster.sh.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/spark-env.sh"
source "$here/cluster-lib.sh"

workers=${1:-2} cores=${2:-1} memory=${3:-1g}
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || jp_die "WORKERS must be a positive number, got '$workers'"
[[ "$cores" =~ ^[1-9][0-9]*$ ]] || jp_die "CORES must be a positive number, got '$cores'"
[[ "$memory" =~ ^[1-9][0-9]*[mg]$ ]] || jp_die "MEMORY must look like 512m or 2g, got '$memory'"

state=${JAVA_PARALLEL_LOCAL_CLUSTER_DIR:-${JAVA_PARALLEL_STATE_DIR:-$HOME/.java-parallel}/local-cluster}
mkdir -p "$state"
# the cluster's secret, token and logs: this user's only
chmod 700 "$state" || jp_die "cannot make $state readable by you only (chmod 700);
  set JAVA_PARALLEL_LOCAL_CLUSTER_DIR to a folder of your own"
if [ -f "$state/master.pid" ] && kill -0 "$(cat "$state/master.pid")" 2>/dev/null; then
    jp_die "a local cluster is already running at $(cat "$state/master-url" 2>/dev/null) (state in $state);
  stop it first with $here/stop-local-cluster.sh"
fi
rm -rf "$state"/worker-* "$state"/*.pid "$state"/*.log "$state/master-url" "$state/ui-url"

jp_require_supported_java
jp_load_spark_jvm_options
host=127.0.0.1
port=$(jp_free_port "$host" "${JP_MASTER_PORT:-7077}")
ui=$(jp_free_port "$host" "${JP_MASTER_UI_PORT:-8080}")

# Each daemon leads its own process group, so the stop script also reaches the executors a worker
# launched (they stay in the worker's group).
start_daemon() {
    local name=$1
    shift
    jp_spark_daemon_command "$@"
    setsid "${JP_COMMAND[@]}" >"$state/$name.log" 2>&1 </dev/null &
    echo $! >"$state/$name.pid"
}

fail() {
    echo "java-parallel: $*; last lines of the logs in $state:" >&2
    tail -n 15 "$state"/*.log >&2 || true
    "$here/stop-local-cluster.sh" >&2 || true
    exit 1
}

# the secret and UI token of the header above, for the daemons and their executors; driver.conf for other drivers
jp_write_secret "$state/secret" "$state/cluster.conf"
jp_auth_settings "$(cat "$state/secret")" | jp_write_private "$state/driver.conf"
start_daemon master Master --host "$host" --port "$port" --webui-port "$ui" \
    --properties-file "$state/cluster.conf"
master_pid=$(cat "$state/master.pid")
jp_wait_for_master "$host" "$ui" 60 "$master_pid" || fail "the master did not start"

pids=("$master_pid")
for i in $(seq "$workers"); do
    mkdir -p "$state/worker-$i"
    start_daemon "worker-$i" Worker --host "$host" --cores "$cores" --memory "$memory" --webui-port 0 \
        --work-dir "$state/worker-$i" --properties-file "$state/cluster.conf" \
        "spark://$host:$port"
    pids+=("$(cat "$state/worker-$i.pid")")
done
jp_wait_for_workers "$host" "$ui" "$workers" "${JP_START_TIMEOUT:-120}" "${pids[@]}" \
    || fail "not every worker registered"

echo "spark://$host:$port" >"$state/master-url"
jp_ui_link "$host" "$ui" | jp_write_private "$state/ui-url"
# output may end up in a log that others can read: the UI's address is printed without its token
echo "java-parallel: local Spark cluster with $workers workers ($cores cores, $memory each), web UI http://$host:$ui (its token is in $state/ui-url)" >&2
echo "spark://$host:$port"
