package org.javaparallel.kernel.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class or method that needs more of the machine than a JDK. Where a prerequisite is missing it is
 * skipped, naming what is missing and the command that installs it; under CI it fails instead (see
 * {@link Prerequisites}). A condition rather than an assumption in {@code @BeforeAll}, so that Maven's reports
 * count the skip and keep its reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PrerequisitesCondition.class)
public @interface Needs {
    /** @return what the test needs */
    Prerequisite[] value();
}
