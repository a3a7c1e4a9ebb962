# Linux only (bash 4, GNU tools, SLURM): the cluster scripts are not part of the laptop install (README).
# One Spark worker in the foreground, one per node of spark-cluster.sbatch's job (an srun task).
# Sized by cluster-env.sh; scratch and work dirs on the node's own disk, removed when the worker ends.
set -euo pipefail
source "$JP_SPARK_CONF_DIR/slurm/cluster-env.sh"
jp_cluster_plan
node=$SLURMD_NODENAME
export SPARK_LOCAL_IP=$node
source "$JP_SPARK_CONF_DIR/spark-env.sh"
source "$JP_SPARK_CONF_DIR/cluster-lib.sh"
jp_load_spark_jvm_options

local_dir=$(jp_node_local_dir)
export SPARK_LOCAL_DIRS="$local_dir/local" SPARK_WORKER_DIR="$local_dir/work"
mkdir -p "$SPARK_LOCAL_DIRS" "$SPARK_WORKER_DIR"

cores=$(jp_worker_cores "$node")
memory_mb=$(jp_worker_memory_mb "$node")
jp_spark_daemon_command Worker --host "$node" --cores "$cores" \
    --memory "${memory_mb}m" --webui-port 0 --work-dir "$SPARK_WORKER_DIR" \
    --properties-file "$JP_SPARK_PROPERTIES" "$JP_MASTER_URL"
"${JP_COMMAND[@]}" &
worker=$!
trap 'kill -TERM "$worker" 2>/dev/null' TERM INT
# The first wait returns early when a signal arrives; the second waits for the worker to finish.
wait "$worker" || wait "$worker" || true
rm -rf "$local_dir"
