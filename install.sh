#!/usr/bin/env bash
# Installs the java-parallel Jupyter kernel: builds it with Maven, copies its jars, and writes a kernelspec
# that Jupyter (notebook, nbconvert, console) finds. Run `install.sh --help` for the options.
set -euo pipefail

readonly KERNEL_NAME=java-parallel
readonly MAIN_CLASS=org.javaparallel.kernel.KernelMain
readonly SPARK_OPTIONS_CLASS=org.javaparallel.spark.SparkJvmOptions
readonly PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
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
  --java-home DIR     use the JDK in DIR instead of searching JAVA_HOME, PATH and /usr/lib/jvm
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

# The Python interpreter that runs `jupyter`: its sys.prefix is where --sys-prefix installs.
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
  echo /usr/bin/python3
}

case "$location" in
  user) prefix="$HOME/.local" ;;
  sys-prefix)
    python="$(jupyter_python)"
    prefix="$("$python" -c 'import sys; print(sys.prefix)')" || die "could not ask $python for its sys.prefix"
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
# Prints the feature version (17, 21, ...) of the JDK in $1, or nothing if $1 is not a JDK with JShell.
jdk_version() {
  local home="$1"
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 0
  "$home/bin/java" --list-modules 2>/dev/null | grep -q '^jdk\.jshell@' || return 0
  "$home/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

candidate_jdk_homes() {
  if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; fi
  local java
  java="$(command -v java || true)"
  if [[ -n "$java" ]]; then dirname "$(dirname "$(readlink -f "$java")")"; fi
  local home
  for home in /usr/lib/jvm/*; do [[ -d "$home" ]] && echo "$home"; done
  return 0
}

choose_jdk() {
  if [[ -n "$java_home_arg" ]]; then
    local version
    version="$(jdk_version "$java_home_arg")"
    [[ -n "$version" ]] || die "$java_home_arg is not a JDK with the jdk.jshell module (need bin/java and bin/javac)"
    echo "$version $(readlink -f "$java_home_arg")"
    return
  fi
  local -A seen=()
  local preferred="" acceptable="" newer="" found_any=false home real version
  while IFS= read -r home; do
    real="$(readlink -f "$home")"
    [[ -n "${seen[$real]:-}" ]] && continue
    seen[$real]=1
    version="$(jdk_version "$real")"
    [[ -n "$version" ]] || continue
    found_any=true
    note "found JDK $version at $real"
    if [[ "$version" == 17 || "$version" == 21 ]]; then
      [[ -z "$preferred" ]] && preferred="$version $real"
    elif ((version > 17 && version < 23)); then
      [[ -z "$acceptable" ]] && acceptable="$version $real"
    elif ((version >= 23)); then
      [[ -z "$newer" ]] && newer="$version $real"
    fi
  done < <(candidate_jdk_homes)
  $found_any || die "no JDK found (looked at JAVA_HOME, java on PATH, /usr/lib/jvm/*). Install JDK 17 or 21,
  e.g. on Debian/Ubuntu: apt-get install openjdk-17-jdk-headless"
  if [[ -n "$preferred" ]]; then echo "$preferred"; return; fi
  if [[ -n "$acceptable" ]]; then echo "$acceptable"; return; fi
  if [[ -n "$newer" ]]; then
    $allow_newer_java && { echo "$newer"; return; }
    die "only JDK ${newer%% *} found (${newer#* }). Spark 4.1 fails on Java 23+ (Hadoop calls Subject.getSubject,
  which throws there). Install JDK 17 or 21 (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or pass
  --allow-newer-java to install anyway without working Spark."
  fi
  die "found only JDKs older than 17; the kernel needs JDK 17 or 21"
}

read -r JDK_VERSION JDK_HOME < <(choose_jdk)
if ((JDK_VERSION >= 23)) && ! $allow_newer_java; then
  die "JDK $JDK_VERSION at $JDK_HOME: Spark 4.1 fails on Java 23+ (Hadoop's Subject.getSubject). Use JDK 17 or 21,
  or pass --allow-newer-java."
fi
((JDK_VERSION >= 17)) || die "JDK $JDK_VERSION at $JDK_HOME is too old; the kernel needs JDK 17 or 21"
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
  command -v mvn >/dev/null || die "Maven (mvn) is missing: install it (Debian/Ubuntu: apt-get install maven) or pass --no-build"
  note "building with Maven (JAVA_HOME=$JDK_HOME)"
  # Maven 3.8 prints bare colour resets even in batch mode; drop them so the log stays readable.
  (cd "$PROJECT_DIR" && JAVA_HOME="$JDK_HOME" mvn -q -B -DskipTests package) 2>&1 | sed 's/\x1b\[0m//g' >&2
fi
[[ -f "$TARGET/java-parallel-kernel.jar" && -d "$TARGET/lib" ]] ||
  die "no build in $TARGET (java-parallel-kernel.jar and lib/); run without --no-build"

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
# Default GC (G1): a compute kernel wants throughput and a large heap, not the fast start of SerialGC/C1.
# -Xss8m: course code recurses deeply (divide and conquer); the main thread of a JShell cell needs room.
# -XX:-OmitStackTraceInFastThrow: keep the stack trace of an exception a student's loop throws repeatedly.
# G1 periodic GC and the heap free ratios: after start-up (JShell indexes every jar for completion) and after
# a heavy cell, an idle kernel gives the memory it no longer uses back to the system at G1's next periodic
# collection (one every 10 s while idle).
# A notebook kernel is idle most of the time, often next to many others on a shared machine.
jvm_opts=(-Xss8m -XX:-OmitStackTraceInFastThrow -Dfile.encoding=UTF-8 -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8
          -XX:G1PeriodicGCInterval=10000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30)
spark_opts_out="$(mktemp)"
if "$JAVA" -cp "$LIB_DIR/*" "$SPARK_OPTIONS_CLASS" >"$spark_opts_out" 2>&1; then
  while IFS= read -r option; do [[ -n "$option" ]] && jvm_opts+=("$option"); done <"$spark_opts_out"
elif grep -q "ClassNotFoundException: $SPARK_OPTIONS_CLASS" "$spark_opts_out"; then
  note "this build has no $SPARK_OPTIONS_CLASS; the kernel starts without Spark's JVM options"
else
  cat "$spark_opts_out" >&2
  rm -f "$spark_opts_out"
  die "$SPARK_OPTIONS_CLASS failed (output above)"
fi
rm -f "$spark_opts_out"
# Spark logs through log4j2 from the kernel's first moments: point it at the course configuration
# (warnings and errors only, to the kernel's stderr) before anything logs.
if [[ -f "$SPARK_CONF_DIR/log4j2.properties" ]]; then
  jvm_opts+=("-Dlog4j2.configurationFile=$SPARK_CONF_DIR/log4j2.properties")
fi
jvm_opts+=("${extra_jvm_opts[@]+"${extra_jvm_opts[@]}"}")

# ---------------------------------------------------------------- kernelspec
json_string() {
  local s="$1"
  s="${s//\\/\\\\}"; s="${s//\"/\\\"}"; s="${s//$'\t'/\\t}"; s="${s//$'\n'/\\n}"
  printf '"%s"' "$s"
}

# The class path lists the jars the kernel needs to answer Jupyter first: the JVM opens the jars of a class path
# in order until it finds a class, and reading the directories of ~200 Spark jars before the kernel's own costs
# a noticeable part of the start-up. (`lib/*` would give them in directory order, the kernel jar often last.)
startup_jars=(java-parallel-kernel.jar java-parallel-core-*.jar jjava-jupyter-*.jar jeromq-*.jar jnacl-*.jar gson-*.jar asm-*.jar)
classpath=""
declare -A on_classpath=()
add_to_classpath() {
  local jar
  for jar in "$@"; do
    [[ -f "$jar" && -z "${on_classpath[$jar]:-}" ]] || continue
    on_classpath[$jar]=1
    classpath+="${classpath:+:}$jar"
  done
}
for pattern in "${startup_jars[@]}"; do add_to_classpath "$LIB_DIR"/$pattern; done
add_to_classpath "$LIB_DIR"/*.jar

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
  "metadata": {"debugger": false}
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

# Application class-data sharing: the first cell's compile loads and links ~4,000 classes of javac, JShell and
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
  (cd "$work" && timeout 120 "$python" "$PROJECT_DIR/kernel/src/main/cds/train-archive.py" "$KERNELSPEC_DIR" \
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
cat <<EOF
Installed the java-parallel kernel (JDK $JDK_VERSION: $JAVA)
  kernelspec  $KERNELSPEC_DIR/kernel.json  (kernel name: $KERNEL_NAME)
  jars        $LIB_DIR ($(find "$LIB_DIR" -name '*.jar' | wc -l) files)
  spark-conf  $SPARK_CONF_DIR
  cds archive $cds_summary
  opencl      $(opencl_summary)
EOF
if $spark_home_made; then echo "  spark-home  $SPARK_HOME_DIR"; fi
cat <<EOF
Start it:
  ${jupyter_hint:+$jupyter_hint
  }jupyter notebook                      # then New -> Java (parallel)
  jupyter console --kernel $KERNEL_NAME
  jupyter nbconvert --to notebook --execute --ExecutePreprocessor.kernel_name=$KERNEL_NAME notebook.ipynb
Remove it: $PROJECT_DIR/install.sh --uninstall$( [[ $location == prefix ]] && echo " --prefix $prefix" || echo " --$location")
EOF
