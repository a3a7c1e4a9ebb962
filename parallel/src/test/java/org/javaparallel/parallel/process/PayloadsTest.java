package org.javaparallel.parallel.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lists of numbers take the short form and come back equal; everything else goes through Java serialization. */
class PayloadsTest {
    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        return Payloads.deserialize(Payloads.serialize(value), PayloadsTest.class.getClassLoader());
    }

    private static boolean javaSerialized(Object value) throws IOException {
        byte[] bytes = Payloads.serialize(value);
        return (bytes[0] & 0xFF) == 0xAC && (bytes[1] & 0xFF) == 0xED;
    }

    @Test
    void listsOfNumbersTakeTheShortFormAndComeBackEqual() throws Exception {
        List<Integer> ints = IntStream.range(-500, 1500).boxed().toList();
        List<Long> longs = List.of(Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE);
        List<Double> doubles = List.of(-0.0, 0.0, Double.NaN, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, 1e308);
        for (List<?> list : List.of(ints, longs, doubles)) {
            assertNotEquals(0xAC, Payloads.serialize(list)[0] & 0xFF, "a list of numbers should take the short form");
            assertEquals(list, roundTrip(list));
        }
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) ((List<?>) roundTrip(doubles)).get(0)));
        List<?> back = (List<?>) roundTrip(ints);
        ((List<Object>) back).add(7); // a modifiable list, as Java serialization of an ArrayList gives
        assertEquals(ints.size() + 1, back.size());
    }

    @Test
    void everythingElseIsJavaSerialized() throws Exception {
        List<Object> mixed = List.of(1, 2L, 3.0);
        List<Integer> withNull = new ArrayList<>(Arrays.asList(1, null, 3));
        List<Object> strings = List.of("a", "b");
        for (Object value : List.of(mixed, withNull, strings, List.of(), 42, new int[]{1, 2})) {
            assertEquals(true, javaSerialized(value), String.valueOf(value));
        }
        assertEquals(mixed, roundTrip(mixed));
        assertEquals(withNull, roundTrip(withNull));
        assertEquals(List.of(), roundTrip(List.of()));
        assertEquals(null, roundTrip(null));
    }
}
