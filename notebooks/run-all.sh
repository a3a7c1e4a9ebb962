#!/usr/bin/env bash
# Executes the course notebooks on the installed java-parallel kernel and keeps what they measured:
# executed notebooks and their HTML exports go to notebooks/exports/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
usage() {
  cat <<USAGE
Usage: notebooks/run-all.sh [--prefix DIR] [--small] [--timeout SECONDS] [NOTEBOOK...]
  --prefix DIR        the kernel was installed with install.sh --prefix DIR (sets JUPYTER_PATH)
  --small             quick sizes (JP_NOTEBOOK_SCALE=small); the default is JP_NOTEBOOK_SCALE or full
  --timeout SECONDS   limit per cell (default 1800)
  NOTEBOOK...         names like 03-threads or 03-threads.ipynb (default: every notebooks/NN-*.ipynb)
Environment: JUPYTER (the jupyter command, default: jupyter on PATH).
USAGE
}
die() { echo "run-all.sh: $*" >&2; exit 1; }

timeout=1800
selected=()
while (($#)); do
  case "$1" in
    --prefix) (($# >= 2)) || die "--prefix needs a folder"; export JUPYTER_PATH="$2/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}"; shift ;;
    --small) export JP_NOTEBOOK_SCALE=small ;;
    --timeout) (($# >= 2)) || die "--timeout needs seconds"; timeout="$2"; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option '$1'" ;;
    *) selected+=("${1%.ipynb}") ;;
  esac
  shift
done
export JP_NOTEBOOK_SCALE="${JP_NOTEBOOK_SCALE:-full}"
jupyter="${JUPYTER:-jupyter}"
command -v "$jupyter" >/dev/null || die "no '$jupyter' command: install Jupyter (Debian: apt-get install jupyter-nbconvert) or set JUPYTER"
"$jupyter" kernelspec list 2>/dev/null | grep -q '^ *java-parallel ' \
  || die "the java-parallel kernel is not installed where Jupyter looks: run install.sh, and pass the same --prefix here"

if ((${#selected[@]} == 0)); then
  for notebook in "$here"/[0-9][0-9]-*.ipynb; do selected+=("$(basename "${notebook%.ipynb}")"); done
fi
exports="$here/exports"
mkdir -p "$exports"
failed=()
for name in "${selected[@]}"; do
  source="$here/$name.ipynb"
  [[ -f "$source" ]] || die "no notebook $source"
  echo "== $name (JP_NOTEBOOK_SCALE=$JP_NOTEBOOK_SCALE)"
  started=$SECONDS
  if "$jupyter" nbconvert --to notebook --execute --ExecutePreprocessor.timeout="$timeout" \
        --output-dir "$exports" --output "$name" "$source" \
     && "$jupyter" nbconvert --to html --output-dir "$exports" "$exports/$name.ipynb"; then
    echo "   done in $((SECONDS - started)) s"
  else
    failed+=("$name")
  fi
done
echo "executed notebooks and HTML in $exports"
((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
