package org.javaparallel.kernel.testing;

import java.util.List;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Disables a test annotated {@link Needs} whose prerequisites are missing, or fails it under CI. */
public final class PrerequisitesCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<Prerequisite> needed = context.getElement()
                .flatMap(element -> AnnotationSupport.findAnnotation(element, Needs.class))
                .map(needs -> List.of(needs.value()))
                .orElse(List.of());
        return Prerequisites.missing(needed)
                .map(reason -> {
                    if (Prerequisites.underCi()) {
                        throw new AssertionError(reason + " (CI installs these: see run-tests.sh)");
                    }
                    return ConditionEvaluationResult.disabled(reason);
                })
                .orElseGet(() -> ConditionEvaluationResult.enabled("its prerequisites are installed"));
    }
}
