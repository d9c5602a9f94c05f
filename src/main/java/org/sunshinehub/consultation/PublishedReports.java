package org.sunshinehub.consultation;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** What the public may read of consultations' adoption reports: only those staff published. */
@Component
public class PublishedReports {

    private final ConsultationService consultations;

    PublishedReports(ConsultationService consultations) {
        this.consultations = consultations;
    }

    public Optional<Report> of(String consultationId) {
        return consultations.publishedReport(consultationId).map(Report::of);
    }

    /** The latest published reports, newest first. */
    public List<Report> latest(int limit) {
        return consultations.latestReports(limit).stream().map(Report::of).toList();
    }

    /** @param text the report as rendered from {@code templates/report/adoption-report.ftl} */
    public record Report(String consultationId, String title, int total, String text, Instant publishedAt) {

        static Report of(Document d) {
            return new Report(d.getString("_id"), d.getString("title"), d.getInteger("total", 0), d.getString("text"),
                    Optional.ofNullable(d.get("publishedAt", Date.class)).map(Date::toInstant).orElse(null));
        }
    }
}
