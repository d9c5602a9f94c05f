package org.sunshinehub.audience;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * CSV imports started from the console, run one at a time in the background so a large file shows its progress
 * instead of holding the browser's request. The subscribers are in MongoDB as each row is read; what is kept here,
 * in memory, is only the latest imports' counts for their progress page (an import interrupted by a restart can
 * be run again: rows merge by identity).
 */
@Component
class ImportJobs {

    private static final int KEPT = 50;
    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final CsvImport csv;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "csv-import");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Job> eldest) {
            return size() > KEPT;
        }
    };

    ImportJobs(CsvImport csv, Clock clock) {
        this.csv = csv;
        this.clock = clock;
    }

    /** @param problem why the file could not be read, or null */
    record Job(String id, String file, String by, Instant startedAt, CsvImport.Report report, boolean done,
               String problem) {

        Job with(CsvImport.Report now, boolean finished, String why) {
            return new Job(id, file, by, startedAt, now, finished, why);
        }
    }

    /** Takes over {@code file} (deleted once read) and queues its import. */
    String start(Path file, String name, String by) {
        String id = UUID.randomUUID().toString();
        put(new Job(id, name, by, clock.instant(), new CsvImport.Report(0, 0, 0, 0, List.of()), false, null));
        runner.submit(() -> run(id, file));
        return id;
    }

    Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    private void run(String id, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            CsvImport.Report report = csv.read(in, null, soFar -> update(id, soFar, false, null));
            update(id, report, true, null);
            log.info("CSV import {}: {} rows, {} created, {} merged, {} rejected", id, report.rows(), report.created(),
                    report.merged(), report.rejected());
        } catch (ResponseStatusException e) {
            update(id, null, true, e.getReason());
        } catch (IOException | RuntimeException e) {
            log.warn("CSV import {} stopped: {}", id, e.toString());
            update(id, null, true, "导入中断，请重新导入（已导入的行会合并，不会重复）");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("CSV import {}: could not delete its upload: {}", id, e.toString());
            }
        }
    }

    private void update(String id, CsvImport.Report report, boolean done, String problem) {
        synchronized (jobs) {
            Job job = jobs.get(id);
            if (job != null) {
                jobs.put(id, job.with(report != null ? report : job.report(), done, problem));
            }
        }
    }

    private void put(Job job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
