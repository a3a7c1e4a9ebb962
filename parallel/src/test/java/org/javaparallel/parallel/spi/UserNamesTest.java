package org.javaparallel.parallel.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** JShell's class names in messages become the names the user wrote; the kernel knows snippet 12 came from cell 5. */
class UserNamesTest {
    @BeforeAll
    static void snippetTwelveCameFromCellFive() {
        CellCodeRegistry.install(new CellCode() {
            @Override
            public Path classDirectory() {
                return Path.of("unused");
            }

            @Override
            public ClassLoader loader() {
                return UserNamesTest.class.getClassLoader();
            }

            @Override
            public List<TopLevelVariable> variables() {
                return List.of();
            }

            @Override
            public long stateVersion() {
                return 0;
            }

            @Override
            public OptionalInt cellOfSnippet(String snippetId) {
                return snippetId.equals("12") ? OptionalInt.of(5) : OptionalInt.empty();
            }
        });
    }

    @AfterAll
    static void uninstall() {
        CellCodeRegistry.install(null);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "REPL.$JShell$37$Boom => Boom",
        "REPL.$JShell$37$Boom: boom 3 => Boom: boom 3",
        "REPL.$JShell$37B$Outer$Inner => Outer.Inner",
        "REPL.$JShell$12_13$Pair => Pair",
        "REPL.$JShell$12 => cell code",
        "REPL.$JShell$12$$Lambda$685/0x0000000800c0b000 => a lambda in cell [5]",
        "REPL.$JShell$12$$Lambda/0x00007f3c8c00a000 => a lambda in cell [5]",
        "REPL.$JShell$12$Outer$$Lambda/0x00007f3c8c00a000 => a lambda in cell [5]",
        "REPL.$JShell$44$$Lambda$685/0x0000000800c0b000 => a lambda",
        "REPL.$JShell$12$1 => an anonymous class in cell [5]",
        "REPL.$JShell$12$1Acc => Acc",
        "class REPL.$JShell$12$A cannot be cast to class REPL.$JShell$13$B => class A cannot be cast to class B",
        "java.lang.IllegalStateException: costs $5 => java.lang.IllegalStateException: costs $5",
    })
    void jshellNamesInTextBecomeTheUsersNames(String text, String shown) {
        assertEquals(shown, UserNames.inText(text));
    }

    @Test
    void aFailureReadsAsItsUserNameAndMessageAndNullMessagesStayNull() {
        assertEquals("java.lang.IllegalArgumentException: Boom is bad",
                UserNames.of(new IllegalArgumentException("REPL.$JShell$37$Boom is bad")));
        assertNull(UserNames.inText(null));
    }
}
