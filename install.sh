#!/usr/bin/env bash
# Installs the java-parallel Jupyter kernel: builds it with the Maven Wrapper (./mvnw), copies its jars, and
# writes a kernelspec that Jupyter (notebook, nbconvert, console) finds. Run `install.sh --help` for the options.
# Linux and macOS: bash 3.2 (macOS's /bin/bash) and BSD tools are enough, so no bash-4 syntax and no GNU-only
# flags here (python/tests/test_install_sh.py checks). What the pip package (python/) does too, finding the JDK
# and the kernel's JVM options and class path, is asked of that package's code instead of being written twice.
set -euo pipefail

readonly KERNEL_NAME=java-parallel
readonly MAIN_CLASS=org.javaparallel.kernel.KernelMain
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly PROJECT_DIR
readonly DEBIAN_JUPYTER_PACKAGES="jupyter-client jupyter-nbconvert python3-nbclient jupyter-notebook jupyter-console"

usage() {
  cat <<EOF
Usage: install.sh [--user | --sys-prefix | --prefix DIR] [options]
       install.sh --uninstall [--user | --sys-prefix | --prefix DIR]

Where to install (default --user):
  --user              into ~/.local (kernelspec in ~/.local/share/jupyter/kernels/$KERNEL_NAME)
  --sys-prefix        into the prefix of the Python that runs 'jupyter' (e.g. /usr on Debian)
  --prefix DIR        into DIR (point JUPYTER_PATH at DIR/share/jupyter if DIR is not a Jupyter location)

Options:
  --no-build          reuse the jars in kernel/target instead of running Maven
  --java-home DIR     use the JDK in DIR instead of searching (JAVA_HOME, macOS's java_home, SDKMAN,
                      CONDA_PREFIX, PATH, /usr/lib/jvm, /Library/Java/JavaVirtualMachines, Homebrew)
  --allow-newer-java  accept a JDK 23 or newer (the kernel works, Spark 4.1 does not)
  --jvm-opt OPTION    add a JVM option for the kernel (repeatable), e.g. --jvm-opt -Xmx8g
  --no-cds            do not make the class-data-sharing archive that shortens the kernel's first cell
                      (making it starts the kernel once and runs a few cells: a few seconds)
  --uninstall         remove what an install into the same place put there
  -h, --help          show this help
EOF
}

die() { echo "install.sh: $*" >&2; exit 1; }
note() { echo "install.sh: $*" >&2; }

# ---------------------------------------------------------------- arguments
location=user
prefix=""
build=true
uninstall=false
allow_newer_java=false
java_home_arg=""
cds=true
extra_jvm_opts=()
while (($#)); do
  case "$1" in
    --user) location=user ;;
    --sys-prefix) location=sys-prefix ;;
    --prefix) (($# >= 2)) || die "--prefix needs a directory"; location=prefix; prefix="$2"; shift ;;
    --prefix=*) location=prefix; prefix="${1#--prefix=}" ;;
    --no-build) build=false ;;
    --java-home) (($# >= 2)) || die "--java-home needs a directory"; java_home_arg="$2"; shift ;;
    --java-home=*) java_home_arg="${1#--java-home=}" ;;
    --allow-newer-java) allow_newer_java=true ;;
    --jvm-opt) (($# >= 2)) || die "--jvm-opt needs an option"; extra_jvm_opts+=("$2"); shift ;;
    --jvm-opt=*) extra_jvm_opts+=("${1#--jvm-opt=}") ;;
    --no-cds) cds=false ;;
    --uninstall) uninstall=true ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument '$1'" ;;
  esac
  shift
done

# The Python interpreter that runs `jupyter` (its sys.prefix is where --sys-prefix installs), else python3.
jupyter_python() {
  local jupyter shebang
  jupyter="$(command -v jupyter || true)"
  if [[ -n "$jupyter" ]]; then
    shebang="$(head -n 1 "$jupyter")"
    if [[ "$shebang" == "#!"* ]]; then
      read -r -a words <<<"${shebang#\#!}"
      if [[ "${words[0]}" == */env ]]; then echo "${words[1]}"; else echo "${words[0]}"; fi
      return
    fi
  fi
  command -v python3 || true
}

PYTHON="$(jupyter_python)"
readonly PYTHON
[[ -n "$PYTHON" ]] || die "Python 3 is missing (Jupyter runs on it): install Python 3.8 or newer, then Jupyter"

# The pip package's code, run from this clone: the discovery and command line the pip-installed kernel uses.
java_parallel() {
  PYTHONPATH="$PROJECT_DIR/python/src${PYTHONPATH:+:$PYTHONPATH}" "$PYTHON" -m java_parallel "$@"
}

case "$location" in
  user) prefix="$HOME/.local" ;;
  sys-prefix)
    prefix="$("$PYTHON" -c 'import sys; print(sys.prefix)')" || die "could not ask $PYTHON for its sys.prefix"
    ;;
  prefix) [[ -n "$prefix" ]] || die "--prefix needs a directory" ;;
esac
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
readonly HOME_DIR="$prefix/share/java-parallel"
readonly LIB_DIR="$HOME_DIR/lib"
readonly SPARK_CONF_DIR="$HOME_DIR/spark-conf"
readonly SPARK_HOME_DIR="$HOME_DIR/spark-home"
readonly KERNELSPEC_DIR="$prefix/share/jupyter/kernels/$KERNEL_NAME"
readonly CDS_ARCHIVE="$HOME_DIR/kernel.jsa"

# ---------------------------------------------------------------- uninstall
if $uninstall; then
  removed=false
  if [[ -f "$KERNELSPEC_DIR/kernel.json" ]] && ! grep -q "$MAIN_CLASS" "$KERNELSPEC_DIR/kernel.json"; then
    die "$KERNELSPEC_DIR/kernel.json does not start $MAIN_CLASS; not removing someone else's kernel"
  fi
  for dir in "$KERNELSPEC_DIR" "$HOME_DIR"; do
    if [[ -e "$dir" ]]; then rm -rf -- "$dir"; echo "removed $dir"; removed=true; fi
  done
  $removed || echo "nothing to remove under $prefix"
  exit 0
fi

# ---------------------------------------------------------------- JDK
# python/src/java_parallel/jdk.py: a JDK 17+ with JShell; 17 and 21 preferred; 23+ (no Spark) only if allowed
jdk_args=()
if [[ -n "$java_home_arg" ]]; then jdk_args+=(--java-home "$java_home_arg"); fi
if $allow_newer_java; then jdk_args+=(--allow-newer); fi
jdk_choice="$(java_parallel find-jdk ${jdk_args[@]+"${jdk_args[@]}"})" || die "no JDK to build and run the kernel (see above)"
JDK_VERSION="${jdk_choice%%$'\t'*}"
JDK_HOME="${jdk_choice#*$'\t'}"
readonly JDK_VERSION JDK_HOME
readonly JAVA="$JDK_HOME/bin/java"
note "using JDK $JDK_VERSION at $JDK_HOME"

# ---------------------------------------------------------------- Jupyter
if ! command -v jupyter >/dev/null; then
  if [[ $EUID -eq 0 && -f /etc/debian_version ]] && command -v apt-get >/dev/null; then
    note "jupyter is missing; installing Debian's packages: $DEBIAN_JUPYTER_PACKAGES"
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 $DEBIAN_JUPYTER_PACKAGES ||
      { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y -o DPkg::Lock::Timeout=300 $DEBIAN_JUPYTER_PACKAGES; }
  else
    note "jupyter is not installed; the kernel is installed anyway. To use it, install Jupyter:"
    note "  Debian/Ubuntu (as root): apt-get install -y $DEBIAN_JUPYTER_PACKAGES"
    note "  elsewhere: pip install notebook nbconvert jupyter_console"
  fi
fi

# ---------------------------------------------------------------- build
readonly TARGET="$PROJECT_DIR/kernel/target"
if $build; then
  # the Maven Wrapper downloads the Maven version the project pins (once, into ~/.m2/wrapper)
  note "building with ./mvnw (JAVA_HOME=$JDK_HOME)"
  (cd "$PROJECT_DIR" && JAVA_HOME="$JDK_HOME" ./mvnw -q -B -DskipTests package) >&2
fi
[[ -f "$TARGET/java-parallel-kernel.jar" && -d "$TARGET/lib" && -f "$TARGET/spark-jvm-options" ]] ||
  die "no build in $TARGET (java-parallel-kernel.jar, lib/, spark-jvm-options); run without --no-build"

# ---------------------------------------------------------------- files
# The jars go in whole and replace the previous set, so a re-install never mixes versions.
mkdir -p "$HOME_DIR"
staging="$(mktemp -d "$HOME_DIR/.lib.XXXXXX")"
trap 'rm -rf -- "$staging"' EXIT
cp "$TARGET/java-parallel-kernel.jar" "$TARGET"/lib/*.jar "$staging/"
rm -rf -- "$LIB_DIR"
mv "$staging" "$LIB_DIR"
chmod 755 "$LIB_DIR"
trap - EXIT

# The API's sources, beside lib/: inspect (Shift+Tab) shows their javadoc
rm -rf -- "$HOME_DIR/src"
mkdir -p "$HOME_DIR/src"
cp "$TARGET"/src/*-sources.jar "$HOME_DIR/src/" 2>/dev/null || note "no sources jars in $TARGET/src; inspect shows the API's signatures without javadoc"
if [[ ! -r "$JDK_HOME/lib/src.zip" ]]; then
  note "the JDK's sources are missing ($JDK_HOME/lib/src.zip), so inspect shows no javadoc for the JDK's classes; add them with: apt-get install openjdk-$JDK_VERSION-source (Debian/Ubuntu)"
fi

rm -rf -- "$SPARK_CONF_DIR"
if [[ -d "$PROJECT_DIR/spark-conf" ]]; then
  cp -R "$PROJECT_DIR/spark-conf" "$SPARK_CONF_DIR"
else
  mkdir -p "$SPARK_CONF_DIR"
fi

# A SPARK_HOME for standalone clusters: jars/ links to the installed jars, conf/ to the installed spark-conf.
spark_home_made=false
rm -rf -- "$SPARK_HOME_DIR"
if [[ -f "$SPARK_CONF_DIR/make-spark-home.sh" ]]; then
  bash "$SPARK_CONF_DIR/make-spark-home.sh" --jars "$LIB_DIR" --dest "$SPARK_HOME_DIR" >/dev/null
  spark_home_made=true
fi

# ---------------------------------------------------------------- JVM options
# python/src/java_parallel/jvm-options.txt (why each is there), Spark's module options as the build wrote them,
# and the course's log4j2 configuration; then the --jvm-opt ones
jvm_opts=()
jvm_opts_out="$(java_parallel jvm-options --spark-options "$TARGET/spark-jvm-options" --spark-conf "$SPARK_CONF_DIR")" ||
  die "could not read the kernel's JVM options (see above)"
while IFS= read -r option; do jvm_opts+=("$option"); done <<<"$jvm_opts_out"
jvm_opts+=(${extra_jvm_opts[@]+"${extra_jvm_opts[@]}"})

# ---------------------------------------------------------------- kernelspec
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\t'/\\t}"; s="${s//$'\n'/\\n}"
  printf '"%s"' "$s"
}

# The kernel jar and the jars it needs to answer Jupyter first (python/src/java_parallel/classpath-first.txt)
classpath="$(java_parallel class-path --lib "$LIB_DIR")" || die "could not list the kernel's class path (see above)"

# The kernelspec, for the JVM options given as arguments (the class path and main class follow them).
write_kernelspec() {
  local argv=("$JAVA" "$@" -cp "$classpath" "$MAIN_CLASS" "{connection_file}") argv_json="" arg
  for arg in "${argv[@]}"; do argv_json+="${argv_json:+,}"$'\n    '"$(json_string "$arg")"; done
  mkdir -p "$KERNELSPEC_DIR"
  cat >"$KERNELSPEC_DIR/kernel.json.tmp" <<EOF
{
  "argv": [$argv_json
  ],
  "display_name": "Java (parallel)",
  "language": "java",
  "interrupt_mode": "message",
  "env": {
    "JAVA_PARALLEL_HOME": $(json_string "$HOME_DIR"),
    "JAVA_PARALLEL_SPARK_CONF": $(json_string "$SPARK_CONF_DIR")
  },
  "metadata": {"debugger": true}
}
EOF
  mv "$KERNELSPEC_DIR/kernel.json.tmp" "$KERNELSPEC_DIR/kernel.json"
}

# A Python that can run jupyter_client (the CDS training is a Jupyter client), or nothing.
client_python() {
  local python
  for python in "$(jupyter_python)" /usr/bin/python3 python3; do
    if command -v "$python" >/dev/null && "$python" -c 'import jupyter_client' 2>/dev/null; then
      command -v "$python"
      return
    fi
  done
}

# Application class-data sharing: the first cell's compile loads and links thousands of classes of javac, JShell and
# the kernel that the JDK's own archive lacks. The kernel, started once from the kernelspec just written and
# running a few typical cells, saves them in an archive at exit; later starts map it instead of loading them.
# The archive is valid only for this JDK build and exactly this jar set, so every install makes it anew.
# Returns non-zero, after printing why, if no archive was made.
make_cds_archive() {
  local python work status=0
  python="$(client_python)"
  [[ -n "$python" ]] || { note "no Python with jupyter_client to run the kernel once"; return 1; }
  # the JVMs run in a scratch directory: a crash report (hs_err_pid*.log) must not land where install.sh was called
  work="$(mktemp -d)"
  rm -f -- "$CDS_ARCHIVE.new"
  # no `timeout` here (macOS has none): the training bounds its own waits for the kernel and stops it at the end
  (cd "$work" && "$python" "$PROJECT_DIR/kernel/src/main/cds/train-archive.py" "$KERNELSPEC_DIR" \
    "$CDS_ARCHIVE.new") >"$work/log" 2>&1 || status=$?
  # -Xshare:on fails instead of falling back: proof that the kernel's JVM maps this archive (a damaged archive
  # can even crash the JVM that maps it, so it must not reach the kernelspec)
  if ((status == 0)) && ! (cd "$work" && "$JAVA" -Xshare:on "-XX:SharedArchiveFile=$CDS_ARCHIVE.new" \
      "${jvm_opts[@]}" -cp "$classpath" -version) >>"$work/log" 2>&1; then
    status=1
  fi
  if ((status != 0)); then
    tail -n 20 "$work/log" >&2
    rm -rf -- "$work" "$CDS_ARCHIVE.new"
    return 1
  fi
  rm -rf -- "$work"
  mv -- "$CDS_ARCHIVE.new" "$CDS_ARCHIVE"
}

# Written first without the archive: the training starts the kernel from it, and it stays if training fails.
rm -f -- "$CDS_ARCHIVE"
write_kernelspec "${jvm_opts[@]}"
cds_summary="none (--no-cds)"
if $cds; then
  note "making the class-data-sharing archive (starts the kernel once)"
  if make_cds_archive; then
    # -Xshare:auto (the default, written out for the reader): an archive that no longer matches the JDK or the
    # jars costs a warning on the kernel's stdout and the time it saves, never the start.
    write_kernelspec -Xshare:auto "-XX:SharedArchiveFile=$CDS_ARCHIVE" "${jvm_opts[@]}"
    cds_summary="$CDS_ARCHIVE"
  else
    note "could not make the class-data-sharing archive (output above); the kernel works without it, its first cell takes longer"
    cds_summary="none (making it failed)"
  fi
fi

# ---------------------------------------------------------------- OpenCL, for java-parallel-gpu
# DoubleElementwise.onDevice runs on a GPU when the GPU's OpenCL driver (its ICD) and the ICD loader are installed:
# NVIDIA's driver brings libnvidia-opencl (Debian: nvidia-opencl-icd), AMD's ROCm its OpenCL runtime, Intel the
# compute runtime (intel-opencl-icd); the loader is ocl-icd-libopencl1. pocl-opencl-icd makes the CPU an OpenCL
# device. Without any, onDevice runs as plain Java and says so. Nothing here installs drivers: that is the node's.
opencl_summary() {
  command -v clinfo >/dev/null ||
    { echo "unknown: install clinfo, then run clinfo -l (or %resources in a notebook)"; return; }
  local devices
  devices="$(clinfo -l 2>/dev/null | grep -c 'Device #')" || devices=0
  if ((devices > 0)); then
    echo "$devices device(s) (clinfo -l lists them, %resources in a notebook too)"
  else
    echo "no device: a GPU needs its vendor's OpenCL ICD and ocl-icd-libopencl1 (README, \"GPU\"); GPU code runs as plain Java"
  fi
}

# ---------------------------------------------------------------- summary
jupyter_hint=""
case "$prefix" in
  "$HOME/.local"|/usr|/usr/local) ;;
  *) jupyter_hint="export JUPYTER_PATH=$prefix/share/jupyter   # $prefix is not a place Jupyter searches" ;;
esac
installed_jars=("$LIB_DIR"/*.jar)
cat <<EOF
Installed the java-parallel kernel (JDK $JDK_VERSION: $JAVA)
  kernelspec  $KERNELSPEC_DIR/kernel.json  (kernel name: $KERNEL_NAME)
  jars        $LIB_DIR (${#installed_jars[@]} files)
  spark-conf  $SPARK_CONF_DIR
  cds archive $cds_summary
  opencl      $(opencl_summary)
EOF
if $spark_home_made; then echo "  spark-home  $SPARK_HOME_DIR"; fi
cat <<EOF
Start it:
  ${jupyter_hint:+$jupyter_hint
  }jupyter lab                           # then "Java (parallel)" in the launcher (or: jupyter notebook)
  jupyter console --kernel $KERNEL_NAME
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=$KERNEL_NAME notebook.ipynb
Remove it: $PROJECT_DIR/install.sh --uninstall$( [[ $location == prefix ]] && echo " --prefix $prefix" || echo " --$location")
EOF
