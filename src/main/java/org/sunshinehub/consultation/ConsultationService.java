package org.sunshinehub.consultation;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemApproved;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.MessageRenderer;
import org.sunshinehub.feedback.Feedback;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.plan.PushPlans;
import org.sunshinehub.storage.MongoErrors;
import org.sunshinehub.web.InvalidInputException;

/**
 * A consultation's life after intake: pushed to subscribers of its category when it opens; opinions taken from
 * every channel while it is open and refused after (the citizen is told); each opinion marked 采纳 / 部分采纳 /
 * 未采纳 with a reason; the AdoptionReport rendered from {@code templates/report/adoption-report.ftl}, stored, and
 * sent to every participant who left a phone; closing as done needs the report.
 */
@Service
class ConsultationService {

    private static final Logger log = LoggerFactory.getLogger(ConsultationService.class);

    private final ItemRepository items;
    private final FeedbackInbox feedback;
    private final PushPlans plans;
    private final Dispatcher dispatcher;
    private final MessageRenderer templates;
    private final ConsultationProperties properties;
    private final MongoCollection<Document> reports;
    private final Clock clock;

    ConsultationService(ItemRepository items, FeedbackInbox feedback, PushPlans plans, Dispatcher dispatcher,
                        MessageRenderer templates, ConsultationProperties properties, MongoDatabase database, Clock clock) {
        this.items = items;
        this.feedback = feedback;
        this.plans = plans;
        this.dispatcher = dispatcher;
        this.templates = templates;
        this.properties = properties;
        this.reports = database.getCollection("adoptionReports");
        this.clock = clock;
    }

    /** An approved draft is pushed when it opens, to subscribers of its category (or everyone). */
    @EventListener
    void onApproved(ItemApproved event) {
        items.findById(event.itemId()).filter(i -> i.kind() == ItemKind.CONSULTATION).ifPresent(c -> {
            List<String> topics = c.fields().category() == null ? List.of() : List.of(c.fields().category());
            try {
                plans.schedule("consultation-opens-" + c.id(), c.id(), properties.channels(), topics,
                        c.fields().opensAt(), null);
                java.time.Instant remindAt = c.fields().closesAt().minus(properties.reminderBefore());
                if (remindAt.isAfter(clock.instant()) && remindAt.isAfter(c.fields().opensAt())) {
                    plans.schedule("consultation-closing-" + c.id(), c.id(), properties.channels(), topics, remindAt,
                            "reminder");
                }
            } catch (RuntimeException e) {
                log.error("Opening push of consultation {} not scheduled: {}", c.id(), e.getMessage());
            }
        });
    }

    Feedback opinionFromWebForm(String consultationId, WebOpinion opinion) {
        ContentItem c = consultation(consultationId);
        Map<String, String> errors = new HashMap<>();
        if (opinion.text() == null || opinion.text().isBlank() || opinion.text().length() > 5_000) {
            errors.put("text", "必填，不超过 5000 字");
        }
        String phone = null;
        if (opinion.phone() != null && !opinion.phone().isBlank()) {
            phone = PhoneNumbers.normalise(opinion.phone()).orElse(null);
            if (phone == null) {
                errors.put("phone", "不是有效的大陆手机号");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("意见有误", errors);
        }
        String key = "web:" + (opinion.clientId() != null ? opinion.clientId() : UUID.randomUUID().toString());
        Feedback f = new Feedback(key, c.id(), "web", null, phone, opinion.text().strip(), null, clock.instant());
        FeedbackInbox.Recorded recorded = feedback.record(f);
        if (recorded.outcome() == FeedbackInbox.Outcome.REFUSED) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, recorded.reason());
        }
        return f;
    }

    void mark(String consultationId, String feedbackId, FeedbackInbox.Adoption adoption, String reason) {
        consultation(consultationId);
        if (adoption != FeedbackInbox.Adoption.ADOPTED && (reason == null || reason.isBlank())) {
            throw new InvalidInputException("采纳标记有误", Map.of("reason", "未采纳或部分采纳须说明理由"));
        }
        if (!feedback.mark(feedbackId, consultationId, adoption, reason)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该意见征集下没有 id 为 " + feedbackId + " 的意见");
        }
    }

    /** Renders, stores and sends the report; once per consultation. */
    Document publishReport(String consultationId, String summary) {
        ContentItem c = consultation(consultationId);
        if (c.fields().closesAt() == null || !clock.instant().isAfter(c.fields().closesAt())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "意见征集尚未截止，不能发布采纳情况");
        }
        Draft draft = draft(c, summary);
        Document report = new Document("_id", consultationId).append("title", c.fields().title())
                .append("counts", new Document(new HashMap<>(draft.counts()))).append("total", draft.total())
                .append("text", templates.render("report/adoption-report.ftl", draft.model()))
                .append("publishedAt", Date.from(clock.instant()));
        if (!MongoErrors.insertIfAbsent(reports, report)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "采纳情况已发布");
        }
        notifyParticipants(c, draft.phones(), draft.counts());
        return report;
    }

    /** The report's text as publishing would make it now, stored nowhere and sent to no one. */
    String previewReport(String consultationId, String summary) {
        return templates.render("report/adoption-report.ftl", draft(consultation(consultationId), summary).model());
    }

    private record Draft(Map<String, Object> model, Map<String, Long> counts, int total, List<String> phones) {
    }

    private Draft draft(ContentItem c, String summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Map<String, Object>> opinions = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        for (Document d : feedback.ofItem(c.id())) {
            String adoption = d.getString("adoption");
            if (adoption == null) {
                throw new ResponseStatusException(HttpStatus.CONFLICT, "还有意见未标记采纳情况（如 " + d.getString("_id") + "）");
            }
            counts.merge(adoption, 1L, Long::sum);
            opinions.add(Map.of("text", d.getString("text"), "adoption", adoption,
                    "reason", Optional.ofNullable(d.getString("adoptionReason")).orElse("")));
            Optional.ofNullable(d.getString("address")).filter(a -> PhoneNumbers.normalise(a).isPresent())
                    .filter(a -> !phones.contains(a)).ifPresent(phones::add);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", c.fields().title());
        model.put("issuer", Optional.ofNullable(c.fields().issuer()).orElse("本机关"));
        model.put("summary", Optional.ofNullable(summary).orElse(""));
        model.put("total", opinions.size());
        model.put("counts", counts);
        model.put("opinions", opinions);
        return new Draft(model, counts, opinions.size(), phones);
    }

    /** The published report, if there is one. */
    Optional<Document> publishedReport(String consultationId) {
        return Optional.ofNullable(reports.find(Filters.eq("_id", consultationId)).first());
    }

    /** The latest published reports (a sort over the few reports an office publishes). */
    List<Document> latestReports(int limit) {
        return reports.find().sort(new Document("publishedAt", -1)).limit(limit).into(new ArrayList<>());
    }

    /** Everyone who left a phone hears back by SMS (web form or SMS reply alike). */
    private void notifyParticipants(ContentItem c, List<String> phones, Map<String, Long> counts) {
        int sent = 0;
        for (String phone : phones) {
            var outcome = dispatcher.sendNotice(ChannelKind.SMS, phone, c, "adoption-report",
                    Map.of("notice", Map.of("total", String.valueOf(counts.values().stream().mapToLong(Long::longValue).sum()),
                            "adopted", String.valueOf(counts.getOrDefault("ADOPTED", 0L)
                                    + counts.getOrDefault("PARTLY", 0L)))), "report:" + c.id() + ":" + phone);
            sent += outcome.kind() == org.sunshinehub.dispatch.SendOutcome.Kind.ACCEPTED ? 1 : 0;
        }
        reports.updateOne(Filters.eq("_id", c.id()), Updates.set("participantsNotified", sent));
        log.info("Adoption report of {} sent to {} of {} participant(s)", c.id(), sent, phones.size());
    }

    Document report(String consultationId) {
        return Optional.ofNullable(reports.find(Filters.eq("_id", consultationId)).first()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "该意见征集尚未发布采纳情况"));
    }

    Document close(String consultationId) {
        consultation(consultationId);
        Document report = Optional.ofNullable(reports.find(Filters.eq("_id", consultationId)).first()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.CONFLICT, "须先发布采纳情况，才能办结意见征集"));
        if (report.get("closedAt") == null) {
            reports.updateOne(Filters.eq("_id", consultationId), Updates.set("closedAt", Date.from(clock.instant())));
        }
        return report(consultationId);
    }

    private ContentItem consultation(String id) {
        return items.findById(id).filter(i -> i.kind() == ItemKind.CONSULTATION).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + id + " 的意见征集"));
    }

    /** @param clientId the form's own id for this submission, so a double click stores it once */
    record WebOpinion(String name, String phone, String text, String clientId) {
    }
}
