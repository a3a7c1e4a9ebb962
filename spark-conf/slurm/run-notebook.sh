#!/usr/bin/env bash
# Runs a notebook without a browser (nbconvert, the installed java-parallel kernel): the driver program of a
# spark-cluster.sbatch batch job, whose cluster the notebook's %backend spark slurm finds.
#   sbatch --nodes=3 spark-cluster.sbatch bash "$SPARK_HOME/conf/slurm/run-notebook.sh" NOTEBOOK [NAME=VALUE...]
# NAME=VALUE pairs are put into the environment, where the notebook reads its parameters (N_ITER=50). The
# executed notebook, with its outputs, goes next to the job log as NOTEBOOK-<jobid>.ipynb; JP_OUTPUT_DIR tells the
# notebook that directory, for the files it writes.
set -euo pipefail
[ $# -ge 1 ] && [ -f "$1" ] || { echo "run-notebook: usage: run-notebook.sh NOTEBOOK.ipynb [NAME=VALUE...]" \
    "(got '${1:-}', which is not a file)" >&2; exit 2; }
notebook=$1
shift
for setting in "$@"; do
    [[ "$setting" =~ ^[A-Za-z_][A-Za-z0-9_]*=.*$ ]] || { echo "run-notebook: '$setting' is not NAME=VALUE" \
        "(parameters look like N_ITER=50)" >&2; exit 2; }
    export "${setting?}"
done
# The kernelspec of the install this script belongs to: <prefix>/share/java-parallel/spark-home/conf/slurm -> <prefix>/share/jupyter
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export JUPYTER_PATH="${here%/java-parallel/spark-home/conf/slurm}/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"
# Next to the job log (sbatch --output), else in the directory the job was submitted from.
log=$(scontrol show job -o "${SLURM_JOB_ID:-none}" 2>/dev/null | sed -n 's/.* StdOut=\([^ ]*\).*/\1/p')
if [ -n "$log" ]; then
    JP_OUTPUT_DIR=$(dirname "$log")
else
    JP_OUTPUT_DIR=${SLURM_SUBMIT_DIR:-$PWD}
fi
export JP_OUTPUT_DIR
exec jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=java-parallel \
    --ExecutePreprocessor.timeout=-1 --output-dir "$JP_OUTPUT_DIR" \
    --output "$(basename "$notebook" .ipynb)-${SLURM_JOB_ID:-local}" "$notebook"
