package org.javaparallel.spark;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The web UI of a running session and the token that opens it ({@link UiTokenFilter}): the kernel's links to the
 * UI are made here, so that each carries the token.
 *
 * @param url the UI's address, as Spark reports it (no trailing slash)
 * @param token the session's token, URL-safe
 */
record SparkUi(String url, String token) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new token: 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /**
     * The UI's first page, its list of jobs. Not "/", which Spark redirects to "/jobs/" without the query: from a
     * notebook on another site (JupyterLab at localhost, the UI at 127.0.0.1) the browser would not send the
     * SameSite cookie along that redirect, and the redirected page would be refused.
     */
    String home() {
        return url + "/jobs/?" + UiTokenFilter.TOKEN_PARAMETER + "=" + token;
    }

    /** The UI's page of one job. */
    String job(int jobId) {
        return url + "/jobs/job/?id=" + jobId + "&" + UiTokenFilter.TOKEN_PARAMETER + "=" + token;
    }

    /** The address without the token, which must not end up in logs or messages. */
    @Override
    public String toString() {
        return "Spark UI at " + url;
    }
}
