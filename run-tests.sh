#!/usr/bin/env bash
# The project's test command: unit tests, install.sh into kernel/target/it-prefix, then the integration tests
# (./mvnw -B verify; extra arguments go to Maven).
#
# The integration tests need more than a JDK: Debian's Jupyter stack, Chromium, SLURM... As root on Debian or
# Ubuntu this script installs what is missing and starts a single-node test SLURM (stopped again at the end).
# Otherwise it runs all it can: a test whose prerequisites are missing is skipped with what is missing and the
# command that installs it, and the summary at the end lists those skips. Under CI (CI=true) nothing may be
# skipped: a missing prerequisite fails its test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# What the tests use besides the JDK (./mvnw brings Maven):
# Jupyter client stack for the protocol and notebook tests (nbformat also for NotebookFilesTest, which imports
# it itself); sklearn for the ML comparison benchmark; Chromium + chromedriver + Selenium for BrowserIT;
# Slurm + munge for the cluster tests; venv for PipKernelIT's fresh environment; shellcheck for install.sh;
# the JDK's sources, from which JShell takes the javadoc that inspect (Shift+Tab) shows; PoCL, an OpenCL
# device on the CPU, with the ICD loader and clinfo, for the gpu module's tests; iproute2 (ip netns) for the
# multi-host tests, which make their hosts as network namespaces (.ci/netns-hosts.sh), and nftables for their
# firewall case.
APT_PACKAGES=(
  jupyter-client jupyter-nbconvert python3-nbclient python3-nbformat jupyter-notebook jupyter-console
  python3-sklearn
  chromium chromium-driver python3-selenium
  slurm-wlm munge
  python3-venv shellcheck
  openjdk-17-source
  pocl-opencl-icd ocl-icd-libopencl1 clinfo
  iproute2 nftables
)

missing=()
if command -v dpkg-query >/dev/null; then
  for package in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
fi

if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  if ((${#missing[@]})); then
    echo "run-tests: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get -o DPkg::Lock::Timeout=300 update -q
    apt-get -o DPkg::Lock::Timeout=300 install -y -q "${missing[@]}"
  fi
  bash .ci/slurm-up.sh
  # the multi-host tests remove their namespaces themselves; this also catches what a killed run left
  trap 'bash .ci/netns-slurm.sh down; bash .ci/netns-hosts.sh down; bash .ci/slurm-down.sh' EXIT
elif ((${#missing[@]})); then
  echo "run-tests: not root, so these are not installed: ${missing[*]}"
  echo "run-tests: the tests that need them are skipped; to run them: sudo apt-get install ${missing[*]}"
fi

status=0
started=$(date +%s)
./mvnw -B verify "$@" || status=$?

# The skips of this run, each with its reason (what is missing and how to install it), from the test reports.
RUN_STARTED=$started python3 - <<'PY'
import glob, os, xml.etree.ElementTree as ET
skips = []
for report in glob.glob("*/target/*-reports/TEST-*.xml"):
    if os.path.getmtime(report) < int(os.environ["RUN_STARTED"]):
        continue  # left from an earlier run
    for case in ET.parse(report).getroot().iter("testcase"):
        skipped = case.find("skipped")
        if skipped is not None:
            # a disabled test's reason is the message; an assumption's is the first line of the text
            reason = skipped.get("message") or (skipped.text or "").strip().split("\n")[0] or "no reason given"
            reason = reason.removeprefix("org.opentest4j.TestAbortedException: ").removeprefix("Assumption failed: ")
            skips.append(f"{case.get('classname')}.{case.get('name')}: {reason}")
if skips:
    print(f"\nrun-tests: {len(skips)} tests skipped:")
    print("\n".join("  " + line for line in sorted(set(skips))))
PY
exit "$status"
