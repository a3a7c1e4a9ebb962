package org.javaparallel.spark;

import java.net.InetAddress;
import java.util.Map;

/**
 * The address executors use to reach the kernel's driver (its RPC endpoint, the class server and the cell-state
 * plugin). Spark's own choice comes from this host's name or SPARK_LOCAL_IP, which on a cluster is often
 * 127.0.0.1 or an address of another network; the address this host connects to the master from is one the
 * cluster can route back to. {@code spark.driver.host} set by the user wins.
 *
 * @param host the address or host name put into spark.driver.host
 * @param reason why it was chosen, for the user
 */
record DriverAddress(String host, String reason) {
    static final String HOST_KEY = "spark.driver.host";

    /**
     * @param settings the session's settings; a non-blank {@value #HOST_KEY} among them is used as it is
     * @param towardsMaster the local address of a connection this host made to the master
     * @param master the master's URL, named in the reason
     */
    static DriverAddress choose(Map<String, String> settings, InetAddress towardsMaster, MasterUrl master) {
        String configured = settings.getOrDefault(HOST_KEY, "").strip();
        if (!configured.isEmpty()) {
            return new DriverAddress(configured, "set by " + HOST_KEY);
        }
        return new DriverAddress(towardsMaster.getHostAddress(), "the address this host reaches "
                + master.url() + " from; %spark conf " + HOST_KEY + "=<address> chooses another");
    }

    /** What %backend and %spark show. */
    String describe() {
        return "driver at " + host + " (" + reason + ")";
    }
}
