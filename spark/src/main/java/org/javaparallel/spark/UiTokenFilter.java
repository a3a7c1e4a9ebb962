package org.javaparallel.spark;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Lets only the holder of a token into a Spark web UI, as Jupyter's own token does for the notebook server: the UI
 * of a notebook's session, and those of the master and workers of a cluster that spark-conf's scripts start. Spark's
 * UIs have no log-in of their own (they show jobs and executors' logs, and can kill jobs and applications), so on a
 * shared login node anyone could otherwise open them. The links java-parallel gives carry the token as a query
 * parameter; the first request that does gets a cookie named after the token, so that the UI's own links work from
 * then on, also between the UIs on one host that share the token (a cluster's master and workers). Anything else
 * gets 403 and a sentence that says where the links are.
 *
 * <p>Spark installs it through {@code spark.ui.filters} and hands it the token as the init parameter
 * {@value #TOKEN_PARAMETER} ({@code spark.org.javaparallel.spark.UiTokenFilter.param.token}, a key that Spark
 * redacts in its UI and logs). It is public only because Spark instantiates it by name.
 */
public final class UiTokenFilter implements Filter {
    /** The init parameter and the query parameter that carry the token. */
    static final String TOKEN_PARAMETER = "token";
    /** The Spark setting that hands the filter its token (Spark's form for a filter's init parameters). */
    static final String TOKEN_SETTING = "spark." + UiTokenFilter.class.getName() + ".param." + TOKEN_PARAMETER;
    private static final String COOKIE_PREFIX = "java-parallel-spark-ui-";
    private byte[] token;
    private String cookieName;

    /** Made by Spark's web server, configured by {@link #init}. */
    public UiTokenFilter() {
    }

    /**
     * Reads the token.
     *
     * @param config the filter's configuration, with the init parameter {@value #TOKEN_PARAMETER}
     * @throws ServletException if the token is missing or blank
     */
    @Override
    public void init(FilterConfig config) throws ServletException {
        String value = config.getInitParameter(TOKEN_PARAMETER);
        if (value == null || value.isBlank()) {
            throw new ServletException("the Spark UI's token filter needs the init parameter " + TOKEN_PARAMETER);
        }
        token = value.getBytes(StandardCharsets.UTF_8);
        // UIs with other tokens (another session, another cluster) on the same host get cookies of other names
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token);
            cookieName = COOKIE_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new ServletException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Passes requests that carry the token, as a query parameter or as this UI's cookie, and refuses the others.
     *
     * @param request the request
     * @param response the response
     * @param chain the rest of the UI
     * @throws IOException if writing the response fails
     * @throws ServletException if the UI fails
     */
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        HttpServletResponse reply = (HttpServletResponse) response;
        if (holdsToken(http.getParameter(TOKEN_PARAMETER))) {
            // SameSite and HttpOnly: other sites' pages cannot use the cookie, nor can scripts read it
            reply.addHeader("Set-Cookie", cookieName + "=" + new String(token, StandardCharsets.UTF_8)
                    + "; Path=/; HttpOnly; SameSite=Strict");
            chain.doFilter(request, response);
        } else if (holdsToken(cookie(http, cookieName))) {
            chain.doFilter(request, response);
        } else {
            reply.sendError(HttpServletResponse.SC_FORBIDDEN, "This Spark UI opens only from the links java-parallel"
                    + " gives, which carry its token: for a notebook's session, the Spark UI link under a cell's Spark"
                    + " job or the one %spark prints; for the master of a cluster, the address in the ui-url file of"
                    + " start-local-cluster.sh or on the ui= line of a SLURM cluster job's spark-master file.");
        }
    }

    private boolean holdsToken(String candidate) {
        return candidate != null && MessageDigest.isEqual(token, candidate.getBytes(StandardCharsets.UTF_8));
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (cookie.getName().equals(name)) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }
}
