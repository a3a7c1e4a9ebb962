package org.javaparallel.parallel.spi;

/**
 * A variable typed at the top level of a cell. JShell keeps it as a static field of a wrapper class,
 * assigned when its snippet ran: in another JVM that field is zero/null until the kernel's value is shipped.
 */
public record TopLevelVariable(String name, String ownerClass, String field) {
}
