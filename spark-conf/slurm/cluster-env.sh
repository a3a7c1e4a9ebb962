# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
# Sourced by spark-cluster.sbatch and run-worker.sh: where the Spark cluster's parts run inside the
# SLURM allocation and how big they are. Only SLURM's environment and `scontrol show hostnames` are
# read, so a test can fake both.
#
# Tunables (environment): JP_DRIVER_CORES (default 1) and JP_DRIVER_MEMORY_MB (default 2048) are kept
# free on the first node for a driver (a kernel started inside the allocation); JP_NODE_RESERVED_MB
# (default 1024) per node for the worker daemon and the OS; JP_MASTER_MEMORY_MB (512) on the first node.

jp_slurm_die() {
    echo "spark-cluster: $*" >&2
    exit 1
}

# Sets JP_NODES (array), JP_MASTER_HOST, JP_NODE_CORES, JP_NODE_MEMORY_MB from the allocation.
jp_cluster_plan() {
    [ -n "${SLURM_JOB_ID:-}" ] && [ -n "${SLURM_JOB_NODELIST:-}" ] \
        || jp_slurm_die "not inside a SLURM job: submit with sbatch spark-cluster.sbatch"
    mapfile -t JP_NODES < <(scontrol show hostnames "$SLURM_JOB_NODELIST")
    [ ${#JP_NODES[@]} -gt 0 ] || jp_slurm_die "scontrol show hostnames '$SLURM_JOB_NODELIST' named no node"
    JP_MASTER_HOST=${JP_NODES[0]}
    JP_NODE_CORES=${SLURM_CPUS_PER_TASK:-${SLURM_CPUS_ON_NODE:-1}}
    if [ -n "${SLURM_MEM_PER_NODE:-}" ]; then
        JP_NODE_MEMORY_MB=$SLURM_MEM_PER_NODE
    elif [ -n "${SLURM_MEM_PER_CPU:-}" ]; then
        JP_NODE_MEMORY_MB=$((SLURM_MEM_PER_CPU * JP_NODE_CORES))
    else
        # No memory asked for: the job may use the node's memory (nodes assumed alike).
        JP_NODE_MEMORY_MB=$(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo)
    fi
}

jp_is_master_node() {
    [ "$1" = "$JP_MASTER_HOST" ]
}

# Cores a worker on NODE offers: the task's CPUs, minus the driver's on the first node (at least 1).
jp_worker_cores() {
    local cores=$JP_NODE_CORES
    if jp_is_master_node "$1"; then
        cores=$((cores - ${JP_DRIVER_CORES:-1}))
    fi
    echo $((cores < 1 ? 1 : cores))
}

# Memory in MB the worker on NODE gives its executors.
jp_worker_memory_mb() {
    local mb=$((JP_NODE_MEMORY_MB - ${JP_NODE_RESERVED_MB:-1024}))
    if jp_is_master_node "$1"; then
        mb=$((mb - ${JP_DRIVER_MEMORY_MB:-2048} - ${JP_MASTER_MEMORY_MB:-512}))
    fi
    [ "$mb" -ge 512 ] || jp_slurm_die "node $1 has ${JP_NODE_MEMORY_MB} MB in this job, which leaves ${mb} MB
  for executors after the daemons (and the driver on the first node); ask for more with --mem"
    echo "$mb"
}

# A Spark size ("512m", "2g", "1024" = MB) in MB: jp_size_mb SIZE
jp_size_mb() {
    local size=${1,,}
    size=${size%b}
    case "$size" in
        *k) echo $((${size%k} / 1024)) ;;
        *m) echo "${size%m}" ;;
        *g) echo $((${size%g} * 1024)) ;;
        *t) echo $((${size%t} * 1024 * 1024)) ;;
        *[!0-9]* | '') jp_slurm_die "'$1' is not a Spark memory size such as 512m or 2g" ;;
        *) echo "$size" ;;
    esac
}

# spark.executor.memory in MB as FILE (a spark-defaults.conf) sets it, else as Spark takes it from the driver's
# environment (SPARK_EXECUTOR_MEMORY), else Spark's default of 1g.
jp_executor_memory_mb() {
    local value
    value=$(sed -n 's/^[[:space:]]*spark\.executor\.memory[[:space:]=:]\{1,\}\([^[:space:]]*\).*/\1/p' "$1" 2>/dev/null | tail -n 1)
    jp_size_mb "${value:-${SPARK_EXECUTOR_MEMORY:-1g}}"
}

# Fails, saying what to raise or lower, when a worker with WORKER_MB cannot hold one executor:
# jp_require_executor_fits NODE WORKER_MB DEFAULTS_FILE
jp_require_executor_fits() {
    local node=$1 worker_mb=$2 defaults=$3 executor_mb
    executor_mb=$(jp_executor_memory_mb "$defaults")
    [ "$worker_mb" -ge "$executor_mb" ] && return 0
    jp_slurm_die "the worker on $node would have $worker_mb MB for executors, less than one executor needs
  (spark.executor.memory = $executor_mb MB, from $defaults), so no executor could ever start.
  Ask for more memory: sbatch --mem=$((JP_NODE_MEMORY_MB + executor_mb - worker_mb))M (this job has $JP_NODE_MEMORY_MB MB per node),
  or lower spark.executor.memory to at most ${worker_mb}m in $defaults and in the notebook
  (%spark conf spark.executor.memory=${worker_mb}m before %backend spark slurm)."
}

# Scratch space on the node's own disk (shuffle files, executor work dirs), removed when the job ends.
jp_node_local_dir() {
    echo "${JP_NODE_LOCAL_DIR:-${TMPDIR:-/tmp}}/java-parallel-spark-$SLURM_JOB_ID"
}

jp_state_dir() {
    echo "${JAVA_PARALLEL_STATE_DIR:-$HOME/.java-parallel}"
}

jp_master_file() {
    echo "$(jp_state_dir)/spark-master"
}

# The job id in the master file, empty when there is none.
jp_master_file_job() {
    local file
    file=$(jp_master_file)
    [ -f "$file" ] && sed -n 's/^job_id=//p' "$file"
    return 0
}

# jp_write_master_file MASTER_URL UI_URL SECRET_FILE: what the kernel reads (org.javaparallel.spark.ClusterFile).
jp_write_master_file() {
    local file tmp
    file=$(jp_master_file)
    tmp="$file.$SLURM_JOB_ID"
    mkdir -p "$(dirname "$file")"
    # only this user may read it: the UI's address carries its token
    rm -f "$tmp"
    (umask 077 && printf 'master=%s\nui=%s\nsecret_file=%s\njob_id=%s\n' "$1" "$2" "$3" "$SLURM_JOB_ID" >"$tmp")
    # Renamed into place, so a reader never sees half a file.
    mv -f "$tmp" "$file"
}

# Removes the master file if this job wrote it (a later job's file stays).
jp_remove_master_file() {
    [ "$(jp_master_file_job)" = "$SLURM_JOB_ID" ] && rm -f "$(jp_master_file)"
    return 0
}
