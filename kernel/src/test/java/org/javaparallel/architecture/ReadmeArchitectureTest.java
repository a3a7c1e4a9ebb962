package org.javaparallel.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.javaparallel.kernel.testing.ProjectRoot;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's architecture picture equal to the folders: every package folder of every module is drawn
 * under its module, and every drawn package exists there. The failure says which lines to add or remove.
 */
class ReadmeArchitectureTest {

    @Test
    void readmeDrawsEveryPackageUnderItsModule() throws IOException {
        Path root = ProjectRoot.find();
        ReadmeArchitecture readme = ReadmeArchitecture.parse(Files.readString(root.resolve("README.md")));
        ModulePackages onDisk = ModulePackages.onDisk(root);

        List<String> fixes = new ArrayList<>();
        readme.unreadableLines().forEach(line -> fixes.add("rewrite \"" + line + "\" as a module line \"name/   what"
                + " it is\" or, below one, a package line \"  path/   what it holds\""));
        fixes.addAll(missing(onDisk, readme.drawn()));
        fixes.addAll(surplus(readme.drawn(), onDisk));
        assertTrue(fixes.isEmpty(), () -> "README.md's '" + ReadmeArchitecture.SECTION + "' block differs from the"
                + " module folders (packages are the folders under <module>/" + ModulePackages.SOURCE_ROOT
                + "/ that hold .java files). In that block:\n  - " + String.join("\n  - ", fixes));
    }

    /** The lines to add for modules and packages that are on disk but not drawn. */
    private static List<String> missing(ModulePackages onDisk, ModulePackages drawn) {
        List<String> fixes = new ArrayList<>();
        onDisk.packagesByModule().forEach((module, packages) -> {
            Set<String> drawnPackages = drawn.packagesByModule().get(module);
            if (drawnPackages == null) {
                fixes.add("add the module line \"" + module + "/   <artifact>: what it is\"");
            }
            for (String pkg : without(packages, drawnPackages)) {
                fixes.add("add \"  " + pkg + "/   <what it holds>\" under \"" + module + "/\"");
            }
        });
        return fixes;
    }

    /** The lines to remove for modules and packages that are drawn but not on disk. */
    private static List<String> surplus(ModulePackages drawn, ModulePackages onDisk) {
        List<String> fixes = new ArrayList<>();
        drawn.packagesByModule().forEach((module, packages) -> {
            Set<String> realPackages = onDisk.packagesByModule().get(module);
            if (realPackages == null) {
                fixes.add("remove the module line \"" + module + "/\" (there is no " + module + "/"
                        + ModulePackages.SOURCE_ROOT + ")");
            }
            for (String pkg : without(packages, realPackages)) {
                fixes.add("remove \"  " + pkg + "/\" under \"" + module + "/\" (there is no .java file in "
                        + module + "/" + ModulePackages.SOURCE_ROOT + "/" + pkg + ")");
            }
        });
        return fixes;
    }

    private static SortedSet<String> without(Set<String> all, Set<String> taken) {
        SortedSet<String> rest = new TreeSet<>(all);
        if (taken != null) {
            rest.removeAll(taken);
        }
        return rest;
    }
}
