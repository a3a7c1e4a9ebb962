package org.javaparallel.spark;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.JobFailed;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.javaparallel.display.Display;
import org.javaparallel.display.DisplayHandle;

/**
 * Shows a progress bar in the running cell for each Spark job that takes longer than {@link #SHOW_AFTER_MILLIS}
 * (quick jobs, e.g. the many small ones of an MLlib fit, would only clutter the output), refreshed at most every
 * {@link #REFRESH_MILLIS} by a ticker thread, and replaced by the job's outcome when it ends. The bar goes to the
 * output of the cell whose job group the job is in, not to the cell that happened to start the session.
 */
final class SparkProgress extends SparkListener implements AutoCloseable {
    static final long SHOW_AFTER_MILLIS = 500;
    static final long REFRESH_MILLIS = 250;
    /** The local properties SparkContext.setJobGroup sets (Spark's own names for them are not public). */
    private static final String JOB_DESCRIPTION = "spark.job.description";
    private static final String JOB_GROUP_ID = "spark.jobGroup.id";

    private final Optional<SparkUi> ui;
    private final Function<String, Executor> outputOfGroup;
    private final Map<Integer, RunningJob> jobs = new LinkedHashMap<>();
    private final Map<Integer, Integer> jobOfStage = new HashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "spark-progress");
        thread.setDaemon(true);
        return thread;
    });

    SparkProgress(Optional<SparkUi> ui, Function<String, Executor> outputOfGroup) {
        this.ui = ui;
        this.outputOfGroup = outputOfGroup;
        ticker.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static final class RunningJob {
        final int id;
        final String description;
        final Executor output;
        final long startMillis = System.currentTimeMillis();
        int stageId = -1;
        String stageName = "";
        int stageTasks;
        int stageTasksDone;
        int stagesDone;
        int tasksDone;
        DisplayHandle handle;

        RunningJob(int id, String description, Executor output) {
            this.id = id;
            this.description = description;
            this.output = output;
        }

        JobProgressView view(Optional<String> outcome, Optional<SparkUi> ui) {
            return new JobProgressView(id, description, stageId, stageName, stageTasksDone, stageTasks, stagesDone,
                    tasksDone, System.currentTimeMillis() - startMillis, outcome, ui.map(sparkUi -> sparkUi.job(id)));
        }
    }

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
        Optional<Properties> properties = Optional.ofNullable(start.properties());
        String description = properties.map(p -> p.getProperty(JOB_DESCRIPTION, "")).orElse("");
        String group = properties.map(p -> p.getProperty(JOB_GROUP_ID, "")).orElse("");
        jobs.put(start.jobId(), new RunningJob(start.jobId(), firstLine(description), outputOfGroup.apply(group)));
        scala.jdk.javaapi.CollectionConverters.asJava(start.stageInfos())
                .forEach(stage -> jobOfStage.put(stage.stageId(), start.jobId()));
    }

    @Override
    public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
        StageInfo stage = submitted.stageInfo();
        RunningJob job = jobs.get(jobOfStage.get(stage.stageId()));
        if (job != null) {
            job.stageId = stage.stageId();
            job.stageName = stage.name();
            job.stageTasks = stage.numTasks();
            job.stageTasksDone = 0;
        }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
        RunningJob job = jobs.get(jobOfStage.get(end.stageId()));
        if (job != null && end.reason() == Success$.MODULE$) {
            job.tasksDone++;
            if (end.stageId() == job.stageId) {
                job.stageTasksDone++;
            }
        }
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
        RunningJob job = jobs.get(jobOfStage.remove(completed.stageInfo().stageId()));
        if (job != null && completed.stageInfo().failureReason().isEmpty()) {
            job.stagesDone++;
        }
    }

    @Override
    public synchronized void onJobEnd(SparkListenerJobEnd end) {
        RunningJob job = jobs.remove(end.jobId());
        jobOfStage.values().removeIf(jobId -> jobId == end.jobId());
        if (job != null && job.handle != null) {
            JobProgressView view = job.view(Optional.of(outcome(end)), ui);
            job.output.execute(() -> job.handle.update(view));
        }
    }

    private static String outcome(SparkListenerJobEnd end) {
        if (end.jobResult() instanceof JobFailed failed) {
            String message = String.valueOf(failed.exception().getMessage());
            return message.contains("cancel") ? "cancelled" : "failed: " + firstLine(message);
        }
        return "succeeded";
    }

    private synchronized void refresh() {
        long now = System.currentTimeMillis();
        for (RunningJob job : jobs.values()) {
            if (now - job.startMillis < SHOW_AFTER_MILLIS) {
                continue;
            }
            JobProgressView view = job.view(Optional.empty(), ui);
            job.output.execute(() -> {
                if (job.handle == null) {
                    job.handle = Display.display(view);
                } else {
                    job.handle.update(view); // elapsed time moves even when no task ended
                }
            });
        }
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
