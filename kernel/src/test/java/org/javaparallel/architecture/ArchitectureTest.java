package org.javaparallel.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Arrays;
import java.util.Map;

/**
 * The README's architecture as rules over the main classes of every module (the kernel module's test class
 * path has them all): the modules are layers, the API and its service interfaces stand alone, the engines
 * do not know each other, and the library modules work without JShell and Jupyter.
 */
@AnalyzeClasses(packages = "org.javaparallel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] CORE = {"org.javaparallel.parallel..", "org.javaparallel.display.."};
    private static final String[] SPARK = {"org.javaparallel.spark.."};
    private static final String[] ML = {"org.javaparallel.ml.."};
    private static final String[] GPU = {"org.javaparallel.gpu.."};
    private static final String[] KERNEL = {
        "org.javaparallel.kernel..", "org.javaparallel.eval..", "org.javaparallel.magic..", "org.javaparallel.maven..",
        "org.javaparallel.debugger.."};
    private static final String API = "org.javaparallel.parallel";
    private static final String SPI = "org.javaparallel.parallel.spi";
    /** The engines, by package; each runs the API's pools its own way and borrows only from the shared engine. */
    private static final Map<String, String> ENGINES = Map.of(
            "org.javaparallel.parallel.threads", "threads",
            "org.javaparallel.parallel.process", "process",
            "org.javaparallel.spark.pool", "spark pool");

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("org.javaparallel.(**)")
            .should().beFreeOfCycles();

    /**
     * One layer per module. Empty layers fail the rule, so a module missing from the class path cannot make
     * it pass, and a package outside every module fails it too.
     */
    @ArchTest
    static final ArchRule modulesAreLayers = layeredArchitecture()
            .consideringOnlyDependenciesInAnyPackage("org.javaparallel..")
            .ensureAllClassesAreContainedInArchitecture()
            .layer("core").definedBy(CORE)
            .layer("spark").definedBy(SPARK)
            .layer("ml").definedBy(ML)
            .layer("gpu").definedBy(GPU)
            .layer("kernel").definedBy(KERNEL)
            .whereLayer("kernel").mayNotBeAccessedByAnyLayer()
            .whereLayer("spark").mayOnlyBeAccessedByLayers("kernel")
            .whereLayer("ml").mayOnlyBeAccessedByLayers("kernel")
            .whereLayer("gpu").mayOnlyBeAccessedByLayers("kernel")
            .whereLayer("core").mayOnlyBeAccessedByLayers("spark", "ml", "gpu", "kernel")
            .because("each module depends only on the modules below it, and ml, spark and gpu are independent libraries");

    @ArchTest
    static final ArchRule apiKnowsOnlyTheSpi = noClasses().that().resideInAPackage(API)
            .should().dependOnClassesThat(resideInAPackage("org.javaparallel..")
                    .and(not(resideInAnyPackage(API, SPI))))
            .because("the API finds its engines with ServiceLoader (PoolProvider) instead of naming them");

    @ArchTest
    static final ArchRule spiStandsAlone = noClasses().that().resideInAPackage(SPI)
            .should().dependOnClassesThat(resideInAPackage("org.javaparallel..").and(not(resideInAPackage(SPI))))
            .because("the kernel and the engines meet in the SPI without depending on each other");

    @ArchTest
    static final ArchRule enginesDoNotKnowEachOther = slices().assignedFrom(new EngineSlices())
            .should().notDependOnEachOther()
            .because("what engines share lives in parallel.engine");

    @ArchTest
    static final ArchRule librariesWorkWithoutTheKernelBase = noClasses()
            .that().resideInAnyPackage(concat(CORE, SPARK, ML, GPU))
            .should().dependOnClassesThat().resideInAnyPackage("jdk.jshell..", "org.dflib.jjava..")
            .because("java-parallel-core, -spark, -ml and -gpu are library jars that work in a plain Java program");

    private static String[] concat(String[]... groups) {
        return Arrays.stream(groups).flatMap(Arrays::stream).toArray(String[]::new);
    }

    /** Each engine's packages are a slice; every other class is in none. */
    private static final class EngineSlices implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String packageName = javaClass.getPackageName();
            return ENGINES.entrySet().stream()
                    .filter(engine -> packageName.equals(engine.getKey()) || packageName.startsWith(engine.getKey() + "."))
                    .findFirst()
                    .map(engine -> SliceIdentifier.of(engine.getValue()))
                    .orElse(SliceIdentifier.ignore());
        }

        @Override
        public String getDescription() {
            return "engines " + ENGINES.values();
        }
    }
}
