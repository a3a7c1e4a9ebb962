package org.javaparallel.ml.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.param.ParamMap;
import org.javaparallel.display.Html;
import org.javaparallel.display.MimeBundle;
import org.javaparallel.display.Renderable;

/** The candidates of a finished search with their scores; shows as a table in a notebook, best first. */
public final class SearchResults implements Renderable {
    private final String scoring;
    private final List<CandidateResult> candidates;
    private final int best;

    SearchResults(String scoring, boolean largerIsBetter, List<ParamMap> paramMaps, FoldScores scores) {
        this.scoring = scoring;
        int n = paramMaps.size();
        double[] means = new double[n];
        for (int c = 0; c < n; c++) {
            means[c] = mean(scores.testScores()[c]);
        }
        List<CandidateResult> rows = new ArrayList<>(n);
        int bestIndex = 0;
        for (int c = 0; c < n; c++) {
            int rank = 1;
            for (int other = 0; other < n; other++) {
                rank += better(means[other], means[c], largerIsBetter) ? 1 : 0;
            }
            rows.add(new CandidateResult(CandidateParams.describe(paramMaps.get(c)), paramMaps.get(c),
                    scores.testScores()[c].clone(), means[c], std(scores.testScores()[c], means[c]),
                    mean(scores.fitSeconds()[c]), rank));
            if (better(means[c], means[bestIndex], largerIsBetter)) {
                bestIndex = c;
            }
        }
        this.candidates = Collections.unmodifiableList(rows);
        this.best = bestIndex;
    }

    /**
     * In candidate order.
     *
     * @return one result per candidate, unmodifiable
     */
    public List<CandidateResult> candidates() {
        return candidates;
    }

    /**
     * The first candidate of rank 1.
     *
     * @return the best candidate's result
     */
    public CandidateResult best() {
        return candidates.get(best);
    }

    /**
     * The index of {@link #best()} in {@link #candidates()}.
     *
     * @return the index
     */
    public int bestIndex() {
        return best;
    }

    /**
     * The scoring's name, e.g. {@code accuracy}.
     *
     * @return the name
     */
    public String scoring() {
        return scoring;
    }

    /** A NaN score (a failed metric) is never better than a number. */
    private static boolean better(double a, double b, boolean largerIsBetter) {
        if (Double.isNaN(a)) {
            return false;
        }
        return Double.isNaN(b) || (largerIsBetter ? a > b : a < b);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double std(double[] values, double mean) {
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / values.length);
    }

    private List<CandidateResult> byRank() {
        List<CandidateResult> sorted = new ArrayList<>(candidates);
        sorted.sort((a, b) -> Integer.compare(a.rank(), b.rank()));
        return sorted;
    }

    private static String params(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /**
     * Plain text: one line per candidate, best first.
     *
     * @return the table as text, with a header line
     */
    public String toText() {
        String header = String.format(Locale.ROOT, "%4s  %-16s %8s %12s  %s", "rank", "mean_test_" + scoring,
                "std", "mean_fit_s", "params");
        StringBuilder text = new StringBuilder(header).append('\n');
        for (CandidateResult c : byRank()) {
            text.append(String.format(Locale.ROOT, "%4d  %-16.4f %8.4f %12.3f  %s%n", c.rank(), c.meanScore(),
                    c.stdScore(), c.meanFitSeconds(), params(c.params())));
        }
        return text.toString();
    }

    /**
     * An HTML table: one row per candidate, best first, as {@link #toText()}.
     *
     * @return the table as HTML
     */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table><thead><tr><th>rank</th><th>mean_test_")
                .append(Html.escape(scoring))
                .append("</th><th>std_test_").append(Html.escape(scoring))
                .append("</th><th>mean_fit_time (s)</th><th>params</th></tr></thead><tbody>");
        for (CandidateResult c : byRank()) {
            html.append(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.3f</td><td>%s</td></tr>", c.rank(), c.meanScore(),
                    c.stdScore(), c.meanFitSeconds(), Html.escape(params(c.params()))));
        }
        return html.append("</tbody></table>").toString();
    }

    @Override
    public MimeBundle render() {
        return new MimeBundle(Map.of("text/plain", toText(), "text/html", toHtml()));
    }

    @Override
    public String toString() {
        return toText();
    }
}
