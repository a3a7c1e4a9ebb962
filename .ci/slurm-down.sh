#!/usr/bin/env bash
# Stops what .ci/slurm-up.sh started: every job, slurmctld, slurmd, munged; by their pid files.
set -uo pipefail
dir=${SLURM_CI_DIR:-/var/tmp/java-parallel-slurm}

if timeout 5 sinfo -h >/dev/null 2>&1; then
    scancel --user=all 2>/dev/null
    scontrol shutdown 2>/dev/null
fi
for pid_file in "$dir/slurmd.pid" "$dir/slurmctld.pid" /run/munge/munged.pid; do
    [ -s "$pid_file" ] || continue
    pid=$(cat "$pid_file")
    for _ in $(seq 20); do
        kill -0 "$pid" 2>/dev/null || break
        kill -TERM "$pid" 2>/dev/null
        sleep 0.25
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    rm -f "$pid_file"
done
echo "slurm is down"
