package org.javaparallel.maven;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ivy.Ivy;
import org.apache.ivy.core.LogOptions;
import org.apache.ivy.core.module.descriptor.DefaultDependencyDescriptor;
import org.apache.ivy.core.module.descriptor.DefaultModuleDescriptor;
import org.apache.ivy.core.module.id.ModuleRevisionId;
import org.apache.ivy.core.report.ArtifactDownloadReport;
import org.apache.ivy.core.report.ResolveReport;
import org.apache.ivy.core.resolve.ResolveOptions;
import org.apache.ivy.core.settings.IvySettings;
import org.apache.ivy.core.settings.NamedTimeoutConstraint;
import org.apache.ivy.plugins.resolver.ChainResolver;
import org.apache.ivy.plugins.resolver.IBiblioResolver;
import org.apache.ivy.util.AbstractMessageLogger;
import org.apache.ivy.util.Message;

/**
 * Resolves Maven artifacts with their runtime dependencies to jar files, with Apache Ivy (which Spark's
 * {@code spark.jars.packages} uses too). Repositories are asked in order; the first that has an artifact
 * gives it. Downloads are kept in {@code cache}, so a later kernel resolves the same artifacts offline.
 */
public final class MavenResolver {
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");
    /** A repository that does not answer fails the cell instead of holding it (Ivy waits forever by default). */
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private final List<URI> repositories;
    private final Path cache;

    public MavenResolver(List<URI> repositories, Path cache) {
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("no repository to resolve from");
        }
        this.repositories = List.copyOf(repositories);
        this.cache = cache;
    }

    /**
     * The user's local Maven repository (when it exists), then {@code extra}, then Maven Central if
     * {@code central}; the cache in the user's cache directory.
     */
    public static MavenResolver standard(List<URI> extra, boolean central) {
        List<URI> repositories = new ArrayList<>();
        Path local = Path.of(System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        if (Files.isDirectory(local)) {
            repositories.add(local.toUri());
        }
        repositories.addAll(extra);
        if (central) {
            repositories.add(MAVEN_CENTRAL);
        }
        String cacheHome = System.getenv().getOrDefault("XDG_CACHE_HOME",
                Path.of(System.getProperty("user.home"), ".cache").toString());
        return new MavenResolver(repositories, Path.of(cacheHome, "java-parallel", "maven"));
    }

    /** The jars of {@code coordinates} and of everything they need at run time, each once. */
    public List<ResolvedJar> resolve(List<MavenCoordinate> coordinates) throws MavenResolutionException {
        SilentLog log = new SilentLog();
        ResolveReport report;
        try {
            report = resolve(coordinates, "default", true, log);
        } catch (Exception e) {
            throw new MavenResolutionException("could not resolve " + MavenCoordinate.joined(coordinates) + ": " + e.getMessage());
        }
        if (report.hasError()) {
            Set<String> problems = new LinkedHashSet<>(report.getAllProblemMessages());
            problems.addAll(log.errors());
            throw new MavenResolutionException("could not resolve " + MavenCoordinate.joined(coordinates) + ":\n  "
                    + String.join("\n  ", problems) + "\nlooked in: " + describeRepositories());
        }
        return Arrays.stream(report.getAllArtifactsReports())
                .filter(download -> download.getLocalFile() != null
                        && download.getLocalFile().getName().endsWith(".jar"))
                .map(MavenResolver::jarOf)
                .distinct()
                .toList();
    }

    /**
     * The sources jars of {@code coordinates} themselves (not of their dependencies), for javadoc: those that the
     * repositories have; none when resolving them fails.
     */
    public List<Path> resolveSources(List<MavenCoordinate> coordinates) {
        try {
            return Arrays.stream(resolve(coordinates, "sources", false, new SilentLog()).getAllArtifactsReports())
                    .filter(download -> download.getLocalFile() != null
                            && download.getLocalFile().getName().endsWith("-sources.jar"))
                    .map(download -> download.getLocalFile().toPath())
                    .toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Resolves the Maven configuration {@code conf} ("default": the jars, "sources": the sources jars). */
    private ResolveReport resolve(List<MavenCoordinate> coordinates, String conf, boolean transitive, SilentLog log)
            throws Exception {
        Message.setDefaultLogger(log);
        Ivy ivy = Ivy.newInstance(settings());
        DefaultModuleDescriptor cell = DefaultModuleDescriptor.newDefaultInstance(
                ModuleRevisionId.newInstance("org.javaparallel", "cell-dependencies", "working"));
        for (MavenCoordinate coordinate : coordinates) {
            DefaultDependencyDescriptor dependency = new DefaultDependencyDescriptor(cell,
                    ModuleRevisionId.newInstance(coordinate.group(), coordinate.artifact(), coordinate.version()),
                    false, false, transitive);
            dependency.addDependencyConfiguration("default", conf);
            cell.addDependency(dependency);
        }
        ResolveOptions options = new ResolveOptions().setConfs(new String[] {"default"}).setTransitive(transitive)
                .setOutputReport(false);
        options.setLog(LogOptions.LOG_QUIET);
        return ivy.resolve(cell, options);
    }

    private static ResolvedJar jarOf(ArtifactDownloadReport download) {
        ModuleRevisionId module = download.getArtifact().getModuleRevisionId();
        return new ResolvedJar(new MavenCoordinate(module.getOrganisation(), module.getName(), module.getRevision()),
                download.getLocalFile().toPath());
    }

    private IvySettings settings() {
        IvySettings settings = new IvySettings();
        settings.setDefaultCache(cache.toFile());
        NamedTimeoutConstraint timeouts = new NamedTimeoutConstraint("repositories");
        timeouts.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
        timeouts.setReadTimeout(READ_TIMEOUT_MILLIS);
        settings.addConfigured(timeouts);
        ChainResolver chain = new ChainResolver();
        chain.setName("repositories");
        chain.setReturnFirst(true);
        for (int i = 0; i < repositories.size(); i++) {
            IBiblioResolver repository = new IBiblioResolver();
            repository.setName("repository-" + i);
            repository.setM2compatible(true);
            repository.setUsepoms(true);
            repository.setRoot(repositories.get(i).toString());
            repository.setTimeoutConstraint(timeouts.getName());
            chain.add(repository);
        }
        settings.addResolver(chain);
        settings.setDefaultResolver(chain.getName());
        return settings;
    }

    private String describeRepositories() {
        return repositories.stream().map(URI::toString).collect(Collectors.joining(", "));
    }

    /**
     * Ivy logs to System.out, which is the cell's output. Its errors (a repository that refused the connection...)
     * go into the error message instead; Ivy's own loggers report them as lines that start with "ERROR: ".
     */
    private static final class SilentLog extends AbstractMessageLogger {
        private static final String ERROR = "ERROR: ";
        private final Set<String> errors = new LinkedHashSet<>();

        Set<String> errors() {
            return errors;
        }

        @Override
        public void log(String message, int level) {
            String firstLine = message.lines().findFirst().orElse("");
            if (firstLine.startsWith(ERROR)) {
                errors.add(firstLine.substring(ERROR.length()).strip());
            }
        }

        @Override
        public void rawlog(String message, int level) {
        }

        @Override
        protected void doProgress() {
        }

        @Override
        protected void doEndProgress(String message) {
        }
    }
}
