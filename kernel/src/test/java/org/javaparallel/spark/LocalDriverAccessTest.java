package org.javaparallel.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Who can reach a {@code local[N]} session: its UI opens only from the kernel's links, its driver only on loopback. */
@Tag("slow")
class LocalDriverAccessTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static SparkContext sc;

    @BeforeAll
    static void start() {
        sc = SparkSessions.shared().session("local[1]").sparkContext();
    }

    @AfterAll
    static void stop() {
        SparkSessions.shared().stop();
    }

    @Test
    void theUiOpensOnlyFromTheLinksTheKernelShows() throws Exception {
        String base = sc.uiWebUrl().get();
        assertEquals(403, get(base + "/jobs/", "").statusCode(), "no token");
        assertEquals(403, get(base + "/api/v1/applications", "").statusCode(), "no token, REST API");
        assertEquals(403, get(base + "/jobs/?token=guess", "").statusCode(), "a wrong token");

        String html = (String) SparkSessions.shared().statusBundle().data().get("text/html");
        Matcher link = Pattern.compile("href=\"([^\"]+)\"").matcher(html);
        assertTrue(link.find(), html);
        // no redirect on the way: a browser would not send the SameSite cookie along one from the notebook's page
        HttpResponse<String> opened = get(link.group(1).replace("&amp;", "&"), "");
        assertEquals(200, opened.statusCode(), opened::toString);
        assertTrue(opened.body().contains("Spark Jobs"), opened.body());
        String setCookie = opened.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);

        // the UI's own links carry no token: the cookie opens them
        HttpResponse<String> jobs = get(base + "/jobs/", setCookie.substring(0, setCookie.indexOf(';')));
        assertEquals(200, jobs.statusCode());
        assertTrue(jobs.body().contains("Spark Jobs"), jobs.body());
        String cookieName = setCookie.substring(0, setCookie.indexOf('='));
        assertEquals(403, get(base + "/jobs/", cookieName + "=guess").statusCode(), "a cookie with a wrong token");
    }

    @Test
    void theDriverListensOnLoopbackOnlyAndAsksForTheSessionsSecret() throws IOException {
        SparkConf conf = sc.getConf();
        assertEquals("127.0.0.1", conf.get("spark.driver.bindAddress"));
        assertTrue(sc.env().securityManager().isAuthenticationEnabled(), "spark.authenticate");
        int port = Integer.parseInt(conf.get("spark.driver.port"));
        try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertTrue(loopback.isConnected());
        }
        for (InetAddress address : otherAddresses()) {
            // refused, or dropped by a firewall (a timeout): either way nothing there answers
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address, port), 2000);
                }
            }, "the driver's port at " + address);
        }
    }

    private static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** This host's IPv4 addresses other than loopback, on interfaces that are up. */
    private static List<InetAddress> otherAddresses() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address)
                .toList();
    }
}
