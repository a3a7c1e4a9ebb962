package org.javaparallel.ml.search;

import java.io.Serializable;
import org.javaparallel.ml.Digits;
import org.javaparallel.ml.LabeledData;

/**
 * How a search task finds its data in whatever JVM runs it. The digits travel as their name and are read from
 * the classpath there; other data travel with the task function (once per serialized function, i.e. per call
 * or per chunk depending on the pool) and are kept per JVM under their id, so that each JVM prepares them once.
 */
public sealed interface DataRef extends Serializable {
    String id();

    LabeledData load();

    static DataRef of(LabeledData data) {
        return data.id().equals(Digits.ID) ? new Classpath() : new Inline(data);
    }

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
