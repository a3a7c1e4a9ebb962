package org.javaparallel.notebooks;

import org.javaparallel.kernel.testing.Needs;
import org.javaparallel.kernel.testing.Prerequisite;
import org.javaparallel.kernel.testing.ProjectRoot;
import org.javaparallel.kernel.testing.ToolRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed notebook files, checked with nbformat by {@code check_notebooks.py} through Debian's python3
 * (package python3-nbformat): the notebooks are the maintained form, so a notebook saved with outputs or
 * broken JSON must fail the build. The check and {@code notebooks/clean.py} are run on damaged copies too, so
 * that a check that passes everything would fail here.
 */
@Needs(Prerequisite.NBFORMAT)
class NotebookFilesTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Path ROOT = ProjectRoot.find();
    private static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    private static final String NOTEBOOK = "00-tour.ipynb";

    @TempDir
    Path copy;

    /** A copy of one notebook and its export, the folder layout the check expects. */
    @BeforeEach
    void copyOneNotebook() throws IOException {
        Files.copy(NOTEBOOKS.resolve(NOTEBOOK), copy.resolve(NOTEBOOK));
        Files.copy(NOTEBOOKS.resolve("exports").resolve(NOTEBOOK), Files.createDirectory(copy.resolve("exports")).resolve(NOTEBOOK));
    }

    @Test
    void everyCommittedNotebookPassesTheCheck() throws Exception {
        long sources;
        long exports;
        try (Stream<Path> files = Files.list(NOTEBOOKS); Stream<Path> exported = Files.list(NOTEBOOKS.resolve("exports"))) {
            sources = files.filter(path -> path.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).count();
            exports = exported.filter(path -> path.toString().endsWith(".ipynb")).count();
        }
        ToolRun check = check(NOTEBOOKS);
        assertEquals(0, check.exitCode(), check.output());
        assertTrue(check.output().contains("checked " + sources + " notebooks and " + exports + " exports: 0 problem(s)"),
                check.output());
    }

    /**
     * Damage done by nbformat, which writes the file as Jupyter does, so the check must name this damage and
     * nothing else: the Python statements change {@code nb}, the committed 00-tour.
     */
    static Stream<Arguments> savedDamage() {
        return Stream.of(
                Arguments.of("nb.cells[3].outputs = [nbformat.v4.new_output('stream', text='42\\n')]", "cell 3 has 1 output(s)"),
                Arguments.of("nb.cells[3].execution_count = 7", "cell 3 has execution count 7"),
                Arguments.of("nb.metadata.kernelspec.name = 'python3'", "kernelspec 'python3', not 'java-parallel'"),
                Arguments.of("nb.metadata.language_info.version = '17.0.15'", "language_info {'name': 'java', 'version': '17.0.15'}"),
                Arguments.of("nb.cells[5].metadata.scrolled = True", "cell 5 has metadata ['scrolled']"),
                Arguments.of("nb.metadata.widgets = {}", "notebook metadata ['widgets']"));
    }

    @ParameterizedTest
    @MethodSource("savedDamage")
    void theCheckNamesDamageInANotebookSavedByJupyter(String damage, String problem) throws Exception {
        python("import nbformat, sys; nb = nbformat.read(sys.argv[1], 4); " + damage + "; nbformat.write(nb, sys.argv[1])",
                copy.resolve(NOTEBOOK).toString());
        ToolRun check = check(copy);
        assertEquals(1, check.exitCode(), check.output());
        assertTrue(check.output().contains(copy.resolve(NOTEBOOK) + ": " + problem), check.output());
        assertTrue(check.output().contains(": 1 problem(s)"), check.output());
    }

    /** Damage to the text of a file, which nbformat would repair or refuse to write. */
    static Stream<Arguments> textDamage() {
        return Stream.of(
                Arguments.of(NOTEBOOK, (UnaryOperator<String>) text -> text.substring(0, text.length() / 2),
                        NOTEBOOK + ": not a valid notebook: Notebook does not appear to be JSON"),
                Arguments.of(NOTEBOOK, (UnaryOperator<String>) text -> text.replace("\"id\": \"00-05\"", "\"id\": \"00-03\""),
                        NOTEBOOK + ": cell 5 repeats the id '00-03'"),
                Arguments.of(NOTEBOOK, (UnaryOperator<String>) text -> text.replace("   \"id\": \"00-02\",\n", ""),
                        NOTEBOOK + ": cell 2 has no id"),
                Arguments.of(NOTEBOOK, (UnaryOperator<String>) text -> text.replace("\n   ", "\n    "),
                        NOTEBOOK + ": the JSON is not laid out as Jupyter saves it"),
                Arguments.of("exports/" + NOTEBOOK,
                        (UnaryOperator<String>) text -> text.replace("\"output_type\": \"stream\"", "\"output_type\": \"streem\""),
                        "exports/" + NOTEBOOK + ": not a valid notebook: "));
    }

    @ParameterizedTest
    @MethodSource("textDamage")
    void theCheckNamesDamageToTheText(String file, UnaryOperator<String> damage, String problem) throws Exception {
        Path damaged = copy.resolve(file);
        String before = Files.readString(damaged);
        Files.writeString(damaged, damage.apply(before));
        assertNotEquals(before, Files.readString(damaged), "the damage changed nothing in " + file);
        ToolRun check = check(copy);
        assertEquals(1, check.exitCode(), check.output());
        assertTrue(check.output().contains(copy + "/" + problem), check.output());
    }

    @Test
    void cleanGivesBackTheCommittedFileAfterARunInJupyter() throws Exception {
        Path notebook = copy.resolve(NOTEBOOK);
        // what a run and a save in JupyterLab leave: outputs, counts, the kernel's language_info, view state
        python("""
                import json, nbformat, sys
                nb = nbformat.read(sys.argv[1], 4)
                for count, cell in enumerate(c for c in nb.cells if c.cell_type == 'code'):
                    cell.execution_count = count + 1
                    cell.outputs = [nbformat.v4.new_output('stream', text='out\\n')]
                    cell.metadata.scrolled = True
                nb.metadata.language_info = {'name': 'java', 'version': '17.0.15', 'file_extension': '.jshell'}
                open(sys.argv[1], 'w').write(json.dumps(nb, indent=2))
                """, notebook.toString());
        String committed = Files.readString(NOTEBOOKS.resolve(NOTEBOOK));
        assertNotEquals(committed, Files.readString(notebook));
        ToolRun clean = ToolRun.run(List.of(PYTHON, NOTEBOOKS.resolve("clean.py").toString(), notebook.toString()),
                Map.of(), copy, Duration.ofSeconds(60)).requireSuccess();
        assertEquals(committed, Files.readString(notebook), clean.output());
    }

    private ToolRun check(Path folder) throws Exception {
        return ToolRun.run(List.of(PYTHON, ROOT.resolve("kernel/src/test/python/check_notebooks.py").toString(), folder.toString()),
                Map.of(), copy, Duration.ofSeconds(60));
    }

    private void python(String program, String argument) throws Exception {
        ToolRun.run(List.of(PYTHON, "-c", program, argument), Map.of(), copy, Duration.ofSeconds(60)).requireSuccess();
    }
}
