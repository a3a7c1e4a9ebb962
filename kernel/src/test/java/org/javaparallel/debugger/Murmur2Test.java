package org.javaparallel.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cell file names must be those JupyterLab computes: the expected values were printed by ipykernel's
 * {@code ipykernel.compiler.murmur2_x86} (the lab venv's ipykernel 7.4), which the protocol test also checks live:
 * <pre>
 *   python3 -c 'from ipykernel.compiler import murmur2_x86; print(murmur2_x86("abc", 0xC70F6907))'
 * </pre>
 */
class Murmur2Test {
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''|3990065800|0",
        "a|2167009006|2456313694",
        "ab|2805137849|446775395",
        "abc|3350977461|324500635",
        "abcd|804720481|646393889",
        "int x = 1;|1721718547|1195740490",
        "'int twice(int x) {\\n    int y = x * 2;\\n    return y;\\n}'|1050957668|2859567567",
        "String s = \"héllo wörld € 𝄞\";|1336548974|1333248532",
        "日本語のセル|2621271069|640177106",
    })
    void givesIpykernelsHash(String text, long withKernelSeed, long withSeedZero) {
        String code = text.replace("\\n", "\n");
        assertEquals(withKernelSeed, Murmur2.hash(code, CellFiles.HASH_SEED), "seed 0xC70F6907");
        assertEquals(withSeedZero, Murmur2.hash(code, 0), "seed 0");
    }
}
