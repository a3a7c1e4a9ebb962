#!/usr/bin/env bash
# A three-node SLURM cluster on the hosts of netns-hosts.sh: slurmctld on node1, a slurmd on node1, node2 and
# node3 (each in its namespace, named by its own host name), all with one munge key. It is separate from the
# SLURM of slurm-up.sh: its own munged, key and socket, cluster name, config, state, spool and log directories
# under $JP_NETNS_SLURM_DIR (default /var/tmp/java-parallel-netns-slurm); its daemons listen only inside the
# namespaces.
# Clients must run on a namespace host with SLURM_CONF=$JP_NETNS_SLURM_DIR/slurm.conf:
#   netns-hosts.sh run login env SLURM_CONF=... sbatch ...
#   netns-slurm.sh up | down | conf
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${JP_NETNS_SLURM_DIR:-/var/tmp/java-parallel-netns-slurm}
conf=$dir/slurm.conf
NODES=(node1 node2 node3)
# Per node: what slurmd must find on the machine (all nodes share its 2 cores); memory kept small on purpose.
NODE_CPUS=${JP_NETNS_SLURM_CPUS:-2}
NODE_MEMORY_MB=${JP_NETNS_SLURM_MEMORY_MB:-2048}

on() {
    bash "$here/netns-hosts.sh" run "$@"
}

node_states() {
    on login env SLURM_CONF="$conf" timeout 5 sinfo -h -N -o '%N %T' 2>/dev/null | sort | tr '\n' ' '
}

down() {
    # The namespaces' processes (slurmctld, slurmd, jobs) go with netns-hosts.sh down; munged runs outside them.
    local pid_file
    for pid_file in "$dir"/*.pid "$dir"/munge/munged.pid; do
        [ -s "$pid_file" ] || continue
        kill -KILL "$(cat "$pid_file")" 2>/dev/null || true
    done
    rm -rf "$dir"
}

up() {
    command -v slurmctld >/dev/null && command -v munged >/dev/null \
        || { echo "netns-slurm: slurmctld or munged is not installed (apt-get install slurm-wlm munge)" >&2; exit 1; }
    down
    mkdir -p "$dir"/{state,spool,log,munge}
    # munged insists on owning its key and directory
    mungekey --create --keyfile="$dir/munge/munge.key"
    chown -R munge:munge "$dir/munge"
    chmod 711 "$dir/munge" # clients (root, slurm) reach the socket; the key stays readable by munge only
    su -s /bin/sh munge -c "/usr/sbin/munged --socket='$dir/munge/socket' --key-file='$dir/munge/munge.key' \
        --pid-file='$dir/munge/munged.pid' --log-file='$dir/munge/munged.log' --seed-file='$dir/munge/munged.seed'"
    cat >"$conf" <<CONF
ClusterName=jpnetns
SlurmctldHost=node1($(bash "$here/netns-hosts.sh" address node1))
SlurmUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/socket
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool/%n
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd-%n.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd-%n.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
KillWait=5
CONF
    local node
    for node in "${NODES[@]}"; do
        echo "NodeName=$node NodeAddr=$(bash "$here/netns-hosts.sh" address "$node") CPUs=$NODE_CPUS RealMemory=$NODE_MEMORY_MB State=UNKNOWN" >>"$conf"
    done
    echo "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP" >>"$conf"

    on node1 env SLURM_CONF="$conf" /usr/sbin/slurmctld -c -f "$conf"
    for node in "${NODES[@]}"; do
        mkdir -p "$dir/spool/$node"
        # ip netns exec mounts a sysfs of the namespace, without cgroups; slurmd 22.05 refuses to start without a
        # filesystem on /sys/fs/cgroup. It gets an empty one of its own (it tracks jobs by process tree, not
        # cgroups), which also keeps it away from the cgroups of this machine's own SLURM.
        on "$node" env SLURM_CONF="$conf" sh -c 'mount -t tmpfs jp-slurm-cgroup /sys/fs/cgroup && mkdir /sys/fs/cgroup/systemd && mount -t cgroup -o none,name=jp-slurm jp-slurm-cgroup /sys/fs/cgroup/systemd && exec "$@"' slurmd \
            /usr/sbin/slurmd -f "$conf"
    done
    local want="node1 idle node2 idle node3 idle "
    for _ in $(seq 60); do
        [ "$(node_states)" = "$want" ] && { echo "netns-slurm: up: $want"; return 0; }
        sleep 0.5
    done
    echo "netns-slurm: nodes did not become idle (sinfo: $(node_states)); logs in $dir/log" >&2
    exit 1
}

case "${1:-}" in
    up) up ;;
    down) down ;;
    conf) echo "$conf" ;;
    *) echo "usage: netns-slurm.sh up | down | conf" >&2; exit 2 ;;
esac
