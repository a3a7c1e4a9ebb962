"""Finds the JDK the kernel runs on: the one discovery that install.sh and the pip package's launcher share.

The kernel needs a JDK 17 or newer with JShell (the jdk.jshell module); a JRE has no JShell. Spark 4.1 needs
Java 22 or older (Hadoop calls Subject.getSubject, which throws on 23+), so a JDK 23+ is used only when nothing
older is found, with a warning, and only when the caller allows it. Among usable JDKs, an explicit JAVA_HOME
wins; otherwise the long-term-support releases 17 and 21 come before 18-20 and 22.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from typing import Callable, Dict, Iterable, List, NamedTuple, Optional

MINIMUM = 17
NEWEST_WITH_SPARK = 22
LONG_TERM_SUPPORT = (17, 21)

# What to install, in each platform's usual way; every message that refuses or warns ends with it.
INSTALL_HINTS = {
    "Darwin": "brew install openjdk@21, or Temurin 21 from https://adoptium.net, "
              "or SDKMAN: sdk install java 21.0.<x>-tem (see sdk list java)",
    "Windows": "winget install EclipseAdoptium.Temurin.21.JDK, or Temurin 21 from https://adoptium.net, "
               "or conda install -c conda-forge openjdk=21",
    "Linux": "apt install openjdk-17-jdk (Debian/Ubuntu), or SDKMAN: sdk install java 21.0.<x>-tem "
             "(see sdk list java), or conda install -c conda-forge openjdk=21",
}


class Jdk(NamedTuple):
    version: int
    home: str


class NoUsableJdk(Exception):
    """No JDK the kernel can run on; the message says what was found and what to install."""


def install_hint(system: str) -> str:
    return "Install JDK 17 or 21: " + INSTALL_HINTS.get(system, INSTALL_HINTS["Linux"])


def java_executable(home: str, system: str) -> str:
    return os.path.join(home, "bin", "java.exe" if system == "Windows" else "java")


def _release_properties(home: str) -> Dict[str, str]:
    """The JDK's `release` file (KEY="value" lines), or {} when it has none."""
    properties = {}
    try:
        with open(os.path.join(home, "release"), encoding="utf-8", errors="replace") as release:
            for line in release:
                key, sep, value = line.strip().partition("=")
                if sep:
                    properties[key] = value.strip().strip('"')
    except OSError:
        pass
    return properties


def _feature_version(version: str) -> Optional[int]:
    """17 for "17.0.2" or "17", 8 for "1.8.0_392"."""
    match = re.match(r"(?:1\.)?(\d+)", version)
    return int(match.group(1)) if match else None


def _version_from_java(java: str) -> Optional[int]:
    """Asks java itself; for homes without a `release` file."""
    try:
        result = subprocess.run([java, "-XshowSettings:properties", "-version"], stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, timeout=30, universal_newlines=True)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"^\s*java\.specification\.version = (\S+)", result.stdout, re.MULTILINE)
    return _feature_version(match.group(1)) if match else None


def inspect(home: str, system: str) -> Optional[Jdk]:
    """The home as a Jdk (possibly a JRE or too old, see has_jshell), or None when it holds no java."""
    if not os.path.isfile(java_executable(home, system)):
        return None
    release = _release_properties(home)
    version = _feature_version(release.get("JAVA_VERSION", "")) or _version_from_java(java_executable(home, system))
    return Jdk(version, home) if version else None


def has_jshell(home: str, system: str) -> bool:
    """The `release` file lists the JDK's modules; without one, a JDK is known by its jshell launcher."""
    modules = _release_properties(home).get("MODULES")
    if modules is not None:
        return "jdk.jshell" in modules.split()
    return os.path.isfile(os.path.join(home, "bin", "jshell.exe" if system == "Windows" else "jshell"))


# ---------------------------------------------------------------------------------------------- where to look
def _children(pattern: str) -> List[str]:
    return sorted(path for path in glob.glob(pattern) if os.path.isdir(path))


def _macos_java_home_listing(root: str) -> List[str]:
    """The JDKs macOS knows, from `/usr/libexec/java_home -V` (its lines end with the home)."""
    tool = os.path.join(root, "usr", "libexec", "java_home")
    if not os.access(tool, os.X_OK):
        return []
    try:
        result = subprocess.run([tool, "-V"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=30,
                                universal_newlines=True)
    except (OSError, subprocess.SubprocessError):
        return []
    return re.findall(r'^\s+\S.*?"\s+(/.+?)\s*$', result.stdout, re.MULTILINE)


def candidate_homes(system: str, env: Dict[str, str], root: str = os.sep,
                    which: Callable[[str], Optional[str]] = shutil.which) -> Iterable[str]:
    """Possible JDK homes, most explicit first. root and which stand for the file system and PATH in tests."""
    home_dir = env.get("HOME") or env.get("USERPROFILE") or os.path.expanduser("~")
    if env.get("JAVA_HOME"):
        yield env["JAVA_HOME"]
    if system == "Darwin":
        yield from _macos_java_home_listing(root)
    sdkman = env.get("SDKMAN_DIR") or os.path.join(home_dir, ".sdkman")
    yield from _children(os.path.join(sdkman, "candidates", "java", "*"))
    if env.get("CONDA_PREFIX"):
        # conda-forge's openjdk: lib/jvm in newer builds, the prefix itself in older ones; Library\ on Windows
        conda = env["CONDA_PREFIX"]
        yield from (os.path.join(conda, "Library", "lib", "jvm"), os.path.join(conda, "Library"),
                    os.path.join(conda, "lib", "jvm"), conda)
    java_on_path = which("java")
    # macOS's /usr/bin/java is a stub that, run without a JDK, opens a dialog offering to install one;
    # java_home above lists the real JDKs
    if java_on_path and not (system == "Darwin" and java_on_path == os.path.join(root, "usr", "bin", "java")):
        yield os.path.dirname(os.path.dirname(os.path.realpath(java_on_path)))
    if system == "Darwin":
        for library in (os.path.join(root, "Library"), os.path.join(home_dir, "Library")):
            yield from _children(os.path.join(library, "Java", "JavaVirtualMachines", "*", "Contents", "Home"))
        for brew in (os.path.join(root, "opt", "homebrew"), os.path.join(root, "usr", "local")):
            yield from _children(os.path.join(brew, "opt", "openjdk*", "libexec", "openjdk.jdk", "Contents", "Home"))
    elif system == "Windows":
        program_dirs = [env.get(name) for name in ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")]
        if env.get("LOCALAPPDATA"):
            program_dirs.append(os.path.join(env["LOCALAPPDATA"], "Programs"))
        for programs in filter(None, program_dirs):
            # <vendor>\<jdk>: Eclipse Adoptium\jdk-21.0.5.11-hotspot, Java\jdk-17, Microsoft\jdk-21..., Zulu\...
            yield from _children(os.path.join(programs, "*", "*"))
    else:
        for jvm_dir in ("usr/lib/jvm", "usr/java"):
            yield from _children(os.path.join(root, *jvm_dir.split("/"), "*"))
    yield from _children(os.path.join(home_dir, ".jdks", "*"))  # IntelliJ IDEA's downloads, on every platform


# ---------------------------------------------------------------------------------------------- choosing
def _usable(jdk: Jdk, system: str, note: Callable[[str], None]) -> bool:
    if not has_jshell(jdk.home, system):
        note("skipped %s: Java %d without JShell (a JRE, not a JDK)" % (jdk.home, jdk.version))
        return False
    if jdk.version < MINIMUM:
        note("skipped %s: JDK %d is older than %d" % (jdk.home, jdk.version, MINIMUM))
        return False
    note("found JDK %d at %s" % (jdk.version, jdk.home))
    return True


def _rank(jdk: Jdk) -> int:
    if jdk.version in LONG_TERM_SUPPORT:
        return 0
    return 1 if jdk.version <= NEWEST_WITH_SPARK else 2


def _spark_warning(jdk: Jdk) -> str:
    return ("JDK %d at %s: the kernel works, but Spark 4.1 does not run on Java 23 or newer (Hadoop calls "
            "Subject.getSubject, which throws there)." % jdk)


def choose(system: str, env: Dict[str, str], allow_newer: bool, note: Callable[[str], None],
           java_home: Optional[str] = None, root: str = os.sep,
           which: Callable[[str], Optional[str]] = shutil.which) -> Jdk:
    """The JDK to use, or NoUsableJdk. java_home is an explicit choice: it is used or refused, never replaced.
    note receives what was found and skipped, and the warning for a JDK 23+."""
    if java_home:
        jdk = inspect(java_home, system)
        if jdk is None:
            raise NoUsableJdk("%s has no bin/java. %s" % (java_home, install_hint(system)))
        if not _usable(jdk, system, note):
            raise NoUsableJdk("%s is Java %d without JShell or older than %d. %s"
                              % (java_home, jdk.version, MINIMUM, install_hint(system)))
        candidates = [jdk]
    else:
        candidates = []
        seen = set()
        for home in candidate_homes(system, env, root, which):
            real = os.path.realpath(home)
            if real in seen:
                continue
            seen.add(real)
            jdk = inspect(real, system)
            if jdk is not None and _usable(jdk, system, note):
                candidates.append(jdk)
        if not candidates:
            raise NoUsableJdk("no JDK %d or newer with JShell found (looked at JAVA_HOME, %s). %s"
                              % (MINIMUM, _places(system), install_hint(system)))
        explicit = os.path.realpath(env["JAVA_HOME"]) if env.get("JAVA_HOME") else None
        # sorted() is stable: within a rank, the order of candidate_homes (JAVA_HOME, then the rest) decides
        candidates.sort(key=lambda jdk: (_rank(jdk) == 2, jdk.home != explicit, _rank(jdk)))
    best = candidates[0]
    if best.version > NEWEST_WITH_SPARK:
        if not allow_newer:
            raise NoUsableJdk("%s %s" % (_spark_warning(best), install_hint(system)))
        note("warning: %s %s" % (_spark_warning(best), install_hint(system)))
    return best


def _places(system: str) -> str:
    return {
        "Darwin": "/usr/libexec/java_home, SDKMAN, CONDA_PREFIX, PATH, /Library/Java/JavaVirtualMachines, Homebrew",
        "Windows": "CONDA_PREFIX, PATH, Program Files, %LOCALAPPDATA%\\Programs, ~\\.jdks",
    }.get(system, "SDKMAN, CONDA_PREFIX, PATH, /usr/lib/jvm, /usr/java, ~/.jdks")
