package org.javaparallel.debugger;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash2 (32 bits, x86) of a string's UTF-8 bytes: JupyterLab names a cell's source file with it
 * ({@code debugInfo}'s {@code hashMethod: "Murmur2"}), so the kernel must compute the same number for the same
 * code as JupyterLab's debugger and ipykernel do.
 */
final class Murmur2 {
    private static final int M = 0x5bd1e995;

    private Murmur2() {
    }

    /** The hash as the unsigned number JupyterLab writes into the file name. */
    static long hash(String text, long seed) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int length = data.length;
        int h = (int) seed ^ length;
        int rounded = length & ~3;
        for (int i = 0; i < rounded; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | data[i + 3] << 24;
            k *= M;
            k ^= k >>> 24;
            k *= M;
            h = h * M ^ k;
        }
        switch (length & 3) {
            case 3:
                h ^= (data[rounded + 2] & 0xff) << 16;
                // fall through
            case 2:
                h ^= (data[rounded + 1] & 0xff) << 8;
                // fall through
            case 1:
                h ^= data[rounded] & 0xff;
                h *= M;
                break;
            default:
                break;
        }
        h ^= h >>> 13;
        h *= M;
        h ^= h >>> 15;
        return Integer.toUnsignedLong(h);
    }
}
