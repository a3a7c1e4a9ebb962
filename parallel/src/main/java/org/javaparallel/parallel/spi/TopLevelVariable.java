package org.javaparallel.parallel.spi;

/**
 * A variable typed at the top level of a cell. JShell keeps it as a static field of a wrapper class,
 * assigned when its snippet ran: in another JVM that field is zero/null until the kernel's value is shipped.
 *
 * @param name the variable's name in the cell
 * @param ownerClass the binary name of the wrapper class whose static field holds it
 * @param field the name of that field
 */
public record TopLevelVariable(String name, String ownerClass, String field) {
}
