#!/usr/bin/env bash
# Brings up a one-node SLURM (slurmctld + slurmd on this machine, munge auth) for the SLURM tests.
# Idempotent: does nothing when the node already answers. Needs root; installs slurm-wlm and munge
# with apt when missing. Daemons' state, logs and pids: $SLURM_CI_DIR (default /var/tmp/java-parallel-slurm).
# Stop with .ci/slurm-down.sh.
set -euo pipefail
dir=${SLURM_CI_DIR:-/var/tmp/java-parallel-slurm}

node_state() {
    timeout 5 sinfo -h -o %T 2>/dev/null | head -n 1
}
case "$(node_state)" in
    idle|mixed|allocated) echo "slurm is up ($(node_state))"; exit 0 ;;
esac

[ "$(id -u)" = 0 ] || { echo "slurm-up.sh must run as root (it configures /etc/slurm)" >&2; exit 1; }
if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends slurm-wlm munge >/dev/null
fi

host=$(hostname -s)
getent hosts "$host" >/dev/null || echo "127.0.0.1 $host" >>/etc/hosts
# RealMemory above the real amount would drain the node.
memory_mb=$(( $(awk '/MemTotal/ {print int($2 / 1024)}' /proc/meminfo) - 1024 ))

mkdir -p "$dir"/{state,spool,log}
chown slurm:slurm "$dir/state" "$dir/log"
if [ ! -s /etc/munge/munge.key ]; then
    mungekey -c
    chown munge:munge /etc/munge/munge.key
fi
mkdir -p /run/munge
chown munge:munge /run/munge
munge -n >/dev/null 2>&1 || su -s /bin/sh munge -c /usr/sbin/munged

# cgroup process tracking where the freezer hierarchy is writable, else tracking by process tree.
if mkdir /sys/fs/cgroup/freezer/slurm-probe 2>/dev/null; then
    rmdir /sys/fs/cgroup/freezer/slurm-probe
    proctrack=proctrack/cgroup
else
    proctrack=proctrack/linuxproc
fi

mkdir -p /etc/slurm
cat >/etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=$host
SlurmUser=slurm
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=$proctrack
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
MpiDefault=none
MailProg=/bin/true
ReturnToService=2
KillWait=5
NodeName=$host CPUs=$(nproc) RealMemory=$memory_mb State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
printf 'CgroupPlugin=cgroup/v1\nCgroupMountpoint=/sys/fs/cgroup\n' >/etc/slurm/cgroup.conf

# -c: a fresh controller state, so a node drained by an earlier run comes back.
/usr/sbin/slurmctld -c
/usr/sbin/slurmd
for _ in $(seq 120); do
    [ "$(node_state)" = idle ] && break
    sleep 0.5
done
[ "$(node_state)" = idle ] || { echo "slurm did not come up; logs in $dir/log" >&2; exit 1; }
echo "slurm is up: node $host, $(nproc) CPUs, ${memory_mb} MB (logs in $dir/log)"
