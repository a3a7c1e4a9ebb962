package org.javaparallel.ml.search;

import java.io.Serializable;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;

/**
 * How a search task finds its data in whatever JVM runs it. The digits travel as their name and are read from
 * the classpath there; other data travel with the task function (once per serialized function, i.e. per call
 * or per chunk depending on the pool) and are kept per JVM under their id, so that each JVM prepares them once.
 * The permitted kinds are {@link Classpath} and {@link Inline}.
 */
public sealed interface DataRef extends Serializable {
    /**
     * The data's id, as {@link LabeledData#id()}.
     *
     * @return the id
     */
    String id();

    /**
     * The data, in the JVM that calls this.
     *
     * @return the data
     */
    LabeledData load();

    /**
     * The cheapest way to send {@code data}: by name for the digits, else the data itself.
     *
     * @param data the data; not null
     * @return the reference
     */
    static DataRef of(LabeledData data) {
        return data.id().equals(Digits.ID) ? new Classpath() : new Inline(data);
    }

    /** The digits, read from the classpath of the JVM that loads them. */
    record Classpath() implements DataRef {
        @Override
        public String id() {
            return Digits.ID;
        }

        @Override
        public LabeledData load() {
            return Digits.load();
        }
    }

    /**
     * Data that travel with the task.
     *
     * @param data the data
     * @serial exclude
     */
    record Inline(LabeledData data) implements DataRef {
        @Override
        public String id() {
            return data.id();
        }

        @Override
        public LabeledData load() {
            return data;
        }
    }
}
