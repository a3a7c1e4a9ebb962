package org.javaparallel.ml.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.FloatParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.Params;
import org.javaparallel.ml.SVC;
import org.javaparallel.ml.svm.ClassWeight;
import scala.jdk.javaapi.CollectionConverters;

/** Turns parameter names and plain values into an estimator's ParamMap, and back for display. */
final class CandidateParams {
    private CandidateParams() {
    }

    static ParamMap toParamMap(Params estimator, Map<String, Object> values) {
        ParamMap map = new ParamMap();
        values.forEach((name, value) -> put(estimator, map, name, value));
        return map;
    }

    /** Rejects params of another estimator (e.g. a grid built on a different instance). */
    static void requireOwnParams(Params estimator, ParamMap candidate) {
        for (ParamPair<?> pair : CollectionConverters.asJava(candidate.toSeq())) {
            if (!pair.param().parent().equals(estimator.uid())) {
                throw new IllegalArgumentException("parameter \"" + pair.param().name() + "\" of the grid belongs to "
                        + pair.param().parent() + ", not to the searched estimator " + estimator.uid()
                        + ": build the grid with the searched estimator's params");
            }
        }
    }

    /** The candidate's params by name, in name order. */
    static Map<String, Object> describe(ParamMap candidate) {
        Map<String, Object> byName = new TreeMap<>();
        for (ParamPair<?> pair : CollectionConverters.asJava(candidate.toSeq())) {
            byName.put(pair.param().name(), pair.value());
        }
        return new LinkedHashMap<>(byName);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void put(Params estimator, ParamMap map, String name, Object value) {
        if (estimator instanceof SVC svc && name.equals("gamma") && value instanceof String rule) {
            putGammaRule(svc, map, rule);
            return;
        }
        Param param = lookup(estimator, name);
        Object converted = convert(estimator, param, value);
        if (!(Boolean) param.isValid().apply(converted)) {
            throw new IllegalArgumentException("invalid value " + value + " for parameter \"" + name + "\" of "
                    + estimator.uid() + ": " + param.doc());
        }
        map.put(param, converted);
    }

    private static void putGammaRule(SVC svc, ParamMap map, String rule) {
        try {
            double value = Double.parseDouble(rule.strip());
            put(svc, map, "gamma", value);
        } catch (NumberFormatException notANumber) {
            if (svc.isSet(svc.gamma())) {
                throw new IllegalArgumentException("gamma=\"" + rule + "\" needs an SVC without a fixed gamma: "
                        + "remove setGamma(...) from the searched SVC");
            }
            put(svc, map, "gammaMode", rule);
        }
    }

    private static Param<?> lookup(Params estimator, String name) {
        if (!estimator.hasParam(name)) {
            String known = Arrays.stream(estimator.params()).map(Param::name).sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException("unknown parameter \"" + name + "\" for " + estimator.uid()
                    + "; its parameters are: " + known);
        }
        return estimator.getParam(name);
    }

    private static Object convert(Params estimator, Param<?> param, Object value) {
        String name = param.name();
        if (param instanceof DoubleParam || param instanceof FloatParam) {
            Number number = requireType(Number.class, estimator, name, value, "a number");
            return param instanceof DoubleParam ? (Object) number.doubleValue() : (Object) number.floatValue();
        }
        if (param instanceof IntParam || param instanceof LongParam) {
            Number number = requireType(Number.class, estimator, name, value, "a whole number");
            if (number.doubleValue() != Math.rint(number.doubleValue())) {
                throw new IllegalArgumentException("parameter \"" + name + "\" of " + estimator.uid()
                        + " needs a whole number, not " + value);
            }
            return param instanceof IntParam ? (Object) number.intValue() : (Object) number.longValue();
        }
        if (param instanceof BooleanParam) {
            return requireType(Boolean.class, estimator, name, value, "true or false");
        }
        if (estimator instanceof SVC && name.equals("classWeight") && value instanceof String text) {
            return ClassWeight.parse(text).toString();
        }
        return value;
    }

    private static <T> T requireType(Class<T> type, Params estimator, String name, Object value, String what) {
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("parameter \"" + name + "\" of " + estimator.uid() + " needs " + what
                    + ", not " + value);
        }
        return type.cast(value);
    }
}
