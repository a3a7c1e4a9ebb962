"""install.sh must run on macOS's bash 3.2 with BSD tools. No bash 3.2 or macOS runs here, so this checks the
scripts for the constructs that fail there (bash 4+ syntax, GNU-only tools and flags), and runs shellcheck and
`bash -n`. A construct missing from PORTABILITY_TRAPS is not caught: the list is the check."""
import os
import re
import shutil
import subprocess
import unittest

PROJECT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# install.sh and what it runs
SCRIPTS = ("install.sh", os.path.join("spark-conf", "make-spark-home.sh"))

PORTABILITY_TRAPS = [
    (r"\b(?:declare|local|typeset|readonly)\s+(?:-\w+\s+)*-\w*[An]", "associative array or nameref (bash 4.0/4.3)"),
    (r"\b(?:mapfile|readarray)\b", "mapfile/readarray (bash 4.0)"),
    (r"\$\{#?\w+(?:\[[^]]*\])?(?:,,?|\^\^?)[^}]*\}", "case modification ${var,,} / ${var^^} (bash 4.0)"),
    (r"\$\{\w+(?:\[[^]]*\])?@[QEPAaKkUuL]\}", "${var@op} transformation (bash 4.4)"),
    (r"\[\[\s+-v\s", "[[ -v var ]] (bash 4.2)"),
    (r"&>>|\|&", "&>> or |& redirection (bash 4.0)"),
    (r";;&|;&", "case fall-through ;& / ;;& (bash 4.0)"),
    (r"\bcoproc\b", "coproc (bash 4.0)"),
    (r"\$\{\w+\[-\d+\]\}", "negative array index (bash 4.3)"),
    (r"\bshopt\s+-s\s+(?:globstar|lastpipe|autocd|direxpand|checkjobs)\b", "bash 4 shell option"),
    (r"\bwait\s+-n\b", "wait -n (bash 4.3)"),
    (r"\$\{?EPOCH(?:SECONDS|REALTIME)\b", "$EPOCHSECONDS (bash 5.0)"),
    (r"%\([^)]*\)T", "printf %(fmt)T (bash 4.2)"),
    (r"\breadlink\s+-\w*[fem]", "readlink -f/-e/-m (GNU)"),
    (r"\brealpath\b", "realpath (not on macOS before 13)"),
    (r"\bsed\b[^|;]*\s-\w*i", "sed -i (GNU and BSD differ)"),
    (r"\bgrep\b[^|;]*\s-\w*P", "grep -P (GNU)"),
    (r"\bstat\s+-c\b", "stat -c (GNU)"),
    (r"\bdate\s+-d\b", "date -d (GNU)"),
    (r"(?:^|[;&|(]|\bthen|\bdo)\s*timeout\s", "timeout (GNU coreutils, not on macOS)"),
    (r"\bxargs\s+-\w*r", "xargs -r (GNU)"),
    (r"\bfind\b[^|;]*-printf\b", "find -printf (GNU)"),
    (r"\b(?:cp|mv|ln|mkdir|rm|sed|grep|sort|head|tail|mktemp|date|stat|du|find|wc|cut|tr)\s+(?:[^|;&]*\s)?--[a-z]",
     "GNU long option of a core tool"),
]


def portability_findings(text):
    """(line number, line, what) for each line (comments left out) with a construct from PORTABILITY_TRAPS."""
    findings = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        for pattern, what in PORTABILITY_TRAPS:
            if re.search(pattern, line):
                findings.append((number, line.strip(), what))
    return findings


def read(script):
    with open(os.path.join(PROJECT, script), encoding="utf-8") as source:
        return source.read()


class InstallShPortability(unittest.TestCase):
    def test_scripts_avoid_bash4_syntax_and_gnu_only_tools(self):
        for script in SCRIPTS:
            with self.subTest(script=script):
                self.assertEqual([], portability_findings(read(script)))

    def test_each_trap_is_recognised(self):
        samples = [
            "declare -A seen=()", "local -A seen=()", "local -n ref=x", "mapfile -t opts < file",
            "readarray -t opts", 'x="${name,,}"', 'x="${name^^}"', 'x="${words[0],}"', 'echo "${v@Q}"',
            "[[ -v JAVA_HOME ]]", "make &>> log", "make |& tee log", "a) echo ;;&", "a) echo ;&", "coproc cat",
            'echo "${a[-1]}"', "shopt -s globstar", "wait -n", "echo $EPOCHSECONDS", "printf '%(%F)T' -1",
            'home="$(readlink -f "$java")"', 'realpath "$x"', "sed -i 's/a/b/' f", "sed -E -i '' 's/a/b/' f",
            "grep -oP 'x' f", "stat -c %s f", "date -d yesterday", "timeout 120 python3 x.py",
            "(cd w && timeout 5 x)", "xargs -r rm", "find . -printf '%p'", "cp --recursive a b",
            "mktemp --directory",
        ]
        caught = {sample for sample in samples if portability_findings(sample)}
        self.assertEqual([], [sample for sample in samples if sample not in caught])

    def test_portable_forms_are_not_reported(self):
        portable = [
            'rm -rf -- "$dir"', 'jvm_opts+=(${extra[@]+"${extra[@]}"})', 'read -r -a words <<<"$line"',
            'JDK_HOME="${choice#*$\'\\t\'}"', 'cp -R a b', 'mktemp -d "$dir/.lib.XXXXXX"', "# declare -A in a comment",
            'case "$1" in --user) ;; esac', 'note "no timeout here"',
        ]
        self.assertEqual([], [finding for line in portable for finding in portability_findings(line)])

    def test_bash_parses_them(self):
        for script in SCRIPTS:
            with self.subTest(script=script):
                subprocess.run(["bash", "-n", os.path.join(PROJECT, script)], check=True)

    @unittest.skipUnless(shutil.which("shellcheck"), "shellcheck is not installed (Debian: apt-get install shellcheck)")
    def test_shellcheck_is_clean(self):
        result = subprocess.run(["shellcheck", *SCRIPTS], cwd=PROJECT, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, universal_newlines=True)
        self.assertEqual(0, result.returncode, result.stdout)


if __name__ == "__main__":
    unittest.main()
