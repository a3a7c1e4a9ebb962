"""JDK discovery over fake installs of Linux, macOS and Windows, each a directory tree with a `release` file
and/or a bin/java script that answers -XshowSettings:properties as a real one does."""
import os
import stat
import tempfile
import textwrap
import unittest

from java_parallel import jdk


def write_executable(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as script:
        script.write(text)
    os.chmod(path, os.stat(path).st_mode | stat.S_IXUSR)


def fake_java_home(home, version, jre=False, release=True, windows=False):
    """A JDK (or a JRE) of the given version; release=False leaves out the `release` file, as some builds do."""
    exe = ".exe" if windows else ""
    spec = str(version) if isinstance(version, int) else version
    write_executable(os.path.join(home, "bin", "java" + exe),
                     "#!/bin/sh\necho '    java.specification.version = %s' >&2\n" % spec)
    if not jre:
        write_executable(os.path.join(home, "bin", "javac" + exe), "#!/bin/sh\n")
        if not release:
            write_executable(os.path.join(home, "bin", "jshell" + exe), "#!/bin/sh\n")
    if release:
        modules = "java.base java.compiler" + ("" if jre else " jdk.compiler jdk.jshell")
        with open(os.path.join(home, "release"), "w") as release_file:
            release_file.write('JAVA_VERSION="%s"\nMODULES="%s"\n' % (
                spec if isinstance(version, str) else "%d.0.1" % version, modules))
    return home


class Discovery(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = os.path.realpath(self.tmp.name)
        self.home = os.path.join(self.root, "home", "student")
        os.makedirs(self.home)
        self.notes = []

    def tearDown(self):
        self.tmp.cleanup()

    def path(self, *parts):
        return os.path.join(self.root, *parts)

    def choose(self, system, env=None, allow_newer=False, java_on_path=None, java_home=None):
        env = dict(env or {}, HOME=self.home)
        return jdk.choose(system, env, allow_newer, self.notes.append, java_home=java_home, root=self.root,
                          which=lambda name: java_on_path)

    def notes_text(self):
        return "\n".join(self.notes)


class LinuxLayouts(Discovery):
    def test_several_installed_the_lts_jdk_is_chosen_and_jre_and_old_are_skipped(self):
        fake_java_home(self.path("usr/lib/jvm/java-11-openjdk"), 11)
        fake_java_home(self.path("usr/lib/jvm/java-17-jre"), 17, jre=True)
        fake_java_home(self.path("usr/lib/jvm/java-20-openjdk"), 20)
        jdk21 = fake_java_home(self.path("usr/lib/jvm/java-21-openjdk"), 21)
        fake_java_home(self.path("usr/lib/jvm/temurin-25"), 25)

        self.assertEqual(jdk.Jdk(21, jdk21), self.choose("Linux"))
        self.assertIn("skipped %s: JDK 11 is older than 17" % self.path("usr/lib/jvm/java-11-openjdk"),
                      self.notes_text())
        self.assertIn("skipped %s: Java 17 without JShell (a JRE, not a JDK)" % self.path("usr/lib/jvm/java-17-jre"),
                      self.notes_text())

    def test_only_jdk_25_is_refused_naming_what_to_install(self):
        fake_java_home(self.path("usr/lib/jvm/temurin-25"), 25)
        with self.assertRaises(jdk.NoUsableJdk) as refused:
            self.choose("Linux")
        self.assertIn("Spark 4.1 does not run on Java 23 or newer", str(refused.exception))
        self.assertIn("apt install openjdk-17-jdk", str(refused.exception))

    def test_only_jdk_25_with_allow_newer_is_used_with_a_warning(self):
        jdk25 = fake_java_home(self.path("usr/lib/jvm/temurin-25"), 25)
        self.assertEqual(jdk.Jdk(25, jdk25), self.choose("Linux", allow_newer=True))
        self.assertIn("warning: JDK 25 at %s: the kernel works, but Spark 4.1 does not run" % jdk25, self.notes_text())

    def test_only_a_jre_and_an_old_jdk_give_no_jdk_found(self):
        fake_java_home(self.path("usr/lib/jvm/java-17-jre"), 17, jre=True)
        fake_java_home(self.path("usr/lib/jvm/java-8"), "1.8.0_392")
        with self.assertRaises(jdk.NoUsableJdk) as refused:
            self.choose("Linux")
        self.assertIn("no JDK 17 or newer with JShell found", str(refused.exception))
        self.assertIn("skipped %s: JDK 8 is older than 17" % self.path("usr/lib/jvm/java-8"), self.notes_text())

    def test_java_home_wins_over_a_preferred_release_unless_spark_cannot_run_on_it(self):
        fake_java_home(self.path("usr/lib/jvm/java-17"), 17)
        jdk22 = fake_java_home(self.path("opt/jdk-22"), 22)
        self.assertEqual(jdk.Jdk(22, jdk22), self.choose("Linux", env={"JAVA_HOME": jdk22}))
        jdk25 = fake_java_home(self.path("opt/jdk-25"), 25)
        self.assertEqual(17, self.choose("Linux", env={"JAVA_HOME": jdk25}).version)

    def test_an_explicit_jre_is_refused_even_when_a_jdk_is_installed(self):
        fake_java_home(self.path("usr/lib/jvm/java-17"), 17)
        jre = fake_java_home(self.path("opt/jre-21"), 21, jre=True)
        with self.assertRaises(jdk.NoUsableJdk) as refused:
            self.choose("Linux", java_home=jre)
        self.assertIn(jre, str(refused.exception))

    def test_java_on_path_is_followed_through_its_links(self):
        jdk17 = fake_java_home(self.path("opt/jdk-17.0.9"), 17)
        os.makedirs(self.path("usr/bin"))
        os.symlink(os.path.join(jdk17, "bin", "java"), self.path("usr/bin/java"))
        self.assertEqual(jdk.Jdk(17, jdk17), self.choose("Linux", java_on_path=self.path("usr/bin/java")))

    def test_without_release_file_java_itself_tells_the_version(self):
        jdk21 = fake_java_home(self.path("usr/lib/jvm/custom-21"), 21, release=False)
        fake_java_home(self.path("usr/lib/jvm/custom-jre-17"), 17, jre=True, release=False)
        self.assertEqual(jdk.Jdk(21, jdk21), self.choose("Linux"))
        self.assertIn("skipped %s: Java 17 without JShell" % self.path("usr/lib/jvm/custom-jre-17"),
                      self.notes_text())

    def test_sdkman_comes_before_conda_and_its_current_link_is_not_counted_twice(self):
        sdk17 = fake_java_home(os.path.join(self.home, ".sdkman/candidates/java/17.0.9-tem"), 17)
        os.symlink(sdk17, os.path.join(self.home, ".sdkman/candidates/java/current"))
        fake_java_home(self.path("conda/envs/course/lib/jvm"), 21)
        self.assertEqual(jdk.Jdk(17, sdk17), self.choose("Linux", env={"CONDA_PREFIX": self.path("conda/envs/course")}))
        self.assertEqual(1, self.notes_text().count("found JDK 17"))
        self.assertIn("found JDK 21 at %s" % self.path("conda/envs/course/lib/jvm"), self.notes_text())


class MacOsLayouts(Discovery):
    def test_java_home_tool_lists_the_jdks_and_the_usr_bin_java_stub_is_ignored(self):
        # a JDK that only java_home knows about (outside the folders searched below), and one that both know
        temurin21 = fake_java_home(self.path("Volumes/Tools/temurin-21.jdk/Contents/Home"), 21)
        zulu17 = fake_java_home(self.path("Library/Java/JavaVirtualMachines/zulu-17.jdk/Contents/Home"), 17)
        # the format of macOS 14's `java_home -V`, on stderr
        write_executable(self.path("usr/libexec/java_home"), textwrap.dedent("""\
            #!/bin/sh
            cat >&2 <<EOF
            Matching Java Virtual Machines (2):
                21.0.2 (arm64) "Eclipse Adoptium" - "OpenJDK 21.0.2" %s
                17.0.10 (arm64) "Azul Systems, Inc." - "Zulu 17.48.15" %s
            %s
            EOF
            """) % (temurin21, zulu17, temurin21))
        stub_ran = self.path("stub-ran")
        write_executable(self.path("usr/bin/java"), "#!/bin/sh\ntouch '%s'\n" % stub_ran)
        self.assertEqual(jdk.Jdk(21, temurin21), self.choose("Darwin", java_on_path=self.path("usr/bin/java")))
        self.assertEqual(1, self.notes_text().count("found JDK 21"))
        self.assertFalse(os.path.exists(stub_ran), "the /usr/bin/java stub was run")

    def test_homebrew_openjdk_unknown_to_java_home_is_found(self):
        brew21 = fake_java_home(self.path("opt/homebrew/opt/openjdk@21/libexec/openjdk.jdk/Contents/Home"), 21)
        self.assertEqual(jdk.Jdk(21, brew21), self.choose("Darwin"))

    def test_nothing_installed_names_the_macos_way_to_install(self):
        with self.assertRaises(jdk.NoUsableJdk) as refused:
            self.choose("Darwin")
        self.assertIn("brew install openjdk@21", str(refused.exception))
        self.assertIn("/usr/libexec/java_home", str(refused.exception))


class WindowsLayouts(Discovery):
    def test_program_files_vendors_are_searched_for_java_exe(self):
        program_files = self.path("Program Files")
        fake_java_home(os.path.join(program_files, "Java", "jre-17"), 17, jre=True, windows=True)
        fake_java_home(os.path.join(program_files, "Java", "jdk-11"), 11, windows=True)
        adoptium21 = fake_java_home(os.path.join(program_files, "Eclipse Adoptium", "jdk-21.0.5.11-hotspot"), 21,
                                    windows=True)
        self.assertEqual(jdk.Jdk(21, adoptium21), self.choose("Windows", env={"ProgramFiles": program_files}))
        self.assertIn("without JShell", self.notes_text())
        self.assertIn("JDK 11 is older than 17", self.notes_text())

    def test_a_per_user_install_without_release_file_is_found(self):
        local = self.path("Users/student/AppData/Local")
        microsoft17 = fake_java_home(os.path.join(local, "Programs", "Microsoft", "jdk-17.0.13"), 17, release=False,
                                     windows=True)
        self.assertEqual(jdk.Jdk(17, microsoft17), self.choose("Windows", env={"LOCALAPPDATA": local}))

    def test_a_linux_style_bin_java_is_not_a_windows_jdk(self):
        fake_java_home(self.path("Program Files/Java/jdk-17"), 17)
        with self.assertRaises(jdk.NoUsableJdk) as refused:
            self.choose("Windows", env={"ProgramFiles": self.path("Program Files")})
        self.assertIn("winget install EclipseAdoptium.Temurin.21.JDK", str(refused.exception))


if __name__ == "__main__":
    unittest.main()
