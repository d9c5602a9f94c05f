package org.sunshinehub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.awaitility.core.ThrowingRunnable;

/**
 * A main class in a JVM of its own, started by a test on the test classpath, its output appended to a log file.
 * It never outlives the test: {@link #close()} asks it to stop and kills it if it does not, a shutdown hook kills
 * it if the test JVM exits first, and the child halts itself when the test JVM is gone (even after kill -9).
 */
public final class ChildJvm implements AutoCloseable {

    /** How long a child may take to stop when asked, or to vanish when killed. */
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 60;
    private static final String KEPT_LOGS = "target/child-jvm-logs";

    private final String name;
    private final Process process;
    private final Path log;
    private final long logFrom;
    private final Thread lastResort;

    private ChildJvm(String name, Process process, Path log, long logFrom) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logFrom = logFrom;
        this.lastResort = new Thread(process::destroyForcibly, "kill " + name);
        Runtime.getRuntime().addShutdownHook(lastResort);
    }

    /** Starts {@code main} with these JVM options and arguments; its output goes to the end of {@code log}. */
    public static ChildJvm start(Class<?> main, Path log, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChildJvm.class.getName(),
                String.valueOf(ProcessHandle.current().pid()), main.getName()));
        command.addAll(args);
        try {
            long from = Files.exists(log) ? Files.size(log) : 0;
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(main.getSimpleName() + " (pid " + process.pid() + ")", process, log, from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to {@code bound} for a line of this child's output that matches; fails at once, with the end of
     * its log, if the child ends first.
     */
    public Matcher awaitLine(Pattern line, Duration bound) {
        AtomicReference<Matcher> found = new AtomicReference<>();
        await("a line matching " + line, bound, () -> {
            Matcher m = line.matcher(output());
            assertThat(m.find()).as("a line matching " + line).isTrue();
            found.set(m);
        });
        return found.get();
    }

    /**
     * Polls {@code assertion} up to {@code bound} until it passes; fails at once if the child ends first. A failure
     * shows the end of the child's log and keeps the whole log in {@value #KEPT_LOGS}.
     */
    public void await(String what, Duration bound, ThrowingRunnable assertion) {
        try {
            Awaitility.await(name + ": " + what).atMost(bound).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().failFast("the child JVM ended", () -> !process.isAlive())
                    .untilAsserted(assertion);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + (process.isAlive() ? "" : " (exit code " + process.exitValue()
                    + ")") + "\n--- whole log kept in " + keepLog() + "; its last lines: ---\n" + tail(), e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Asks the child to stop (SIGTERM, its shutdown hooks run); kills it if it has not ended within a bound. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(STOP)) {
            process.destroyForcibly();
        }
        awaitExit();
    }

    private void awaitExit() {
        if (!waitFor(STOP)) {
            throw new IllegalStateException(name + " is still running after SIGKILL");
        }
        try {
            Runtime.getRuntime().removeShutdownHook(lastResort);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to; the child is gone either way
        }
    }

    /** Waits even when interrupted (e.g. by a test timeout), so the child is gone before the test ends. */
    private boolean waitFor(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path keepLog() {
        try {
            Path kept = Files.createDirectories(Path.of(KEPT_LOGS)).resolve(log.getFileName() + "-" + process.pid());
            Files.writeString(kept, output());
            return kept.toAbsolutePath();
        } catch (IOException e) {
            return log;
        }
    }

    private String output() throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(logFrom, all.length), (int) Math.max(0, all.length - logFrom),
                StandardCharsets.UTF_8);
    }

    private String tail() {
        try {
            List<String> lines = output().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /**
     * The child's entry point: halts this JVM as soon as the test JVM (argument 0) is gone, then runs the main
     * class (argument 1) with the remaining arguments.
     */
    public static void main(String[] args) throws Throwable {
        ProcessHandle.of(Long.parseLong(args[0])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
                () -> Runtime.getRuntime().halt(1));
        try {
            Class.forName(args[1]).getMethod("main", String[].class)
                    .invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
