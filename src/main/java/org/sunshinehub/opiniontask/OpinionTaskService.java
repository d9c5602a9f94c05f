package org.sunshinehub.opiniontask;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.audience.PhoneNumbers;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemReceived;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.SendOutcome;
import org.sunshinehub.ingest.ItemIntake;

/**
 * The life of a task: created with its deadlines and timers when its item arrives; assigned (by the rules or by
 * staff), which sends the division an SMS; acknowledged; responded to, which closes deadlines so their reminders
 * are skipped. A reminder fires only while its deadline is open; an escalation at the deadline marks it OVERDUE
 * and tells the leader.
 */
@Service
class OpinionTaskService {

    static final String ASSIGN = "ASSIGN";
    static final String REMIND = "REMIND";
    static final String ESCALATE = "ESCALATE";
    private static final Duration FIRING_LEASE = Duration.ofMinutes(2);
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);
    private static final Logger log = LoggerFactory.getLogger(OpinionTaskService.class);

    private final OpinionTaskStore store;
    private final ItemRepository items;
    private final Divisions divisions;
    private final Dispatcher dispatcher;
    private final OpinionTaskProperties properties;
    private final Clock clock;
    private final WorkingDayCalendar calendar;
    private final ItemIntake intake;
    private final InterpretationWatch interpretations;
    private final PublicationDeadlines publication;

    OpinionTaskService(OpinionTaskStore store, ItemRepository items, Divisions divisions, Dispatcher dispatcher,
                       OpinionTaskProperties properties, Clock clock, WorkingDayCalendar calendar, ItemIntake intake,
                       InterpretationWatch interpretations, PublicationDeadlines publication) {
        this.interpretations = interpretations;
        this.publication = publication;
        this.calendar = calendar;
        this.intake = intake;
        this.store = store;
        this.items = items;
        this.divisions = divisions;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void onItemReceived(ItemReceived event) {
        if (event.kind() == ItemKind.OPINION_TASK) {
            items.findById(event.itemId()).ifPresent(this::create);
        }
    }

    void create(ContentItem item) {
        String severity = item.fields().severity() == null ? "一般" : item.fields().severity();
        Instant base = item.fields().publishedAt() != null ? item.fields().publishedAt() : item.receivedAt();
        List<Document> deadlines = new ArrayList<>();
        for (OpinionTaskProperties.Deadline d : properties.deadlines().getOrDefault(severity,
                properties.deadlines().get("一般"))) {
            deadlines.add(new Document("name", d.name()).append("due", Date.from(base.plus(Duration.ofHours(d.hours()))))
                    .append("state", "OPEN"));
        }
        Integer supervision = item.fields().supervisionWorkingDays();
        if (supervision != null) {
            // 督办函: settled by the end of the n-th working day after receipt (the day of receipt not counted).
            LocalDate last = calendar.plusWorkingDays(base.atZone(SunshineHubApplication.ZONE).toLocalDate(), supervision);
            deadlines.add(new Document("name", "督办函办结（" + supervision + "个工作日）")
                    .append("due", Date.from(last.atTime(properties.supervisionDueTime()).atZone(SunshineHubApplication.ZONE)
                            .toInstant())).append("state", "OPEN"));
        }
        Optional<Division> division = divisions.responsibleFor(item.fields());
        Document task = new Document("_id", item.id()).append("code", store.nextCode())
                .append("title", item.fields().title()).append("severity", severity).append("base", Date.from(base))
                .append("deadlines", deadlines).append("state", "OPEN")
                .append("division", division.map(Division::id).orElse(null)).append("notices", List.of());
        if (!store.insertTask(task)) {
            return;
        }
        for (int i = 0; i < deadlines.size(); i++) {
            scheduleDeadline(item.id(), i, base, deadlines.get(i).getDate("due").toInstant());
        }
        division.ifPresentOrElse(d -> scheduleAssignment(item.id(), d.id()),
                () -> log.warn("Opinion task {} 《{}》 matches no division: staff must assign it", item.id(),
                        item.fields().title()));
        log.info("Opinion task {} ({}) 《{}》 → {}, deadlines {}", item.id(), severity, item.fields().title(),
                division.map(Division::name).orElse("unassigned"), deadlines.stream().map(d -> d.getString("name")
                        + " " + DUE.format(d.getDate("due").toInstant())).toList());
    }

    private void scheduleDeadline(String taskId, int index, Instant base, Instant due) {
        for (double share : properties.reminderShares()) {
            timer(taskId, index, REMIND, (int) Math.round(share * 100) + "%",
                    base.plusMillis((long) (Duration.between(base, due).toMillis() * share)));
        }
        Instant before = due.minus(properties.reminderBefore());
        if (before.isAfter(base)) {
            timer(taskId, index, REMIND, "before", before);
        }
        timer(taskId, index, ESCALATE, "due", due);
    }

    private void scheduleAssignment(String taskId, String divisionId) {
        store.insertTimer(new Document("_id", taskId + ":assign:" + divisionId).append("task", taskId)
                .append("kind", ASSIGN).append("division", divisionId).append("dueAt", Date.from(clock.instant()))
                .append("state", "SCHEDULED"));
    }

    private void timer(String taskId, int deadline, String kind, String point, Instant dueAt) {
        store.insertTimer(new Document("_id", taskId + ":" + deadline + ":" + point).append("task", taskId)
                .append("kind", kind).append("deadline", deadline).append("dueAt", Date.from(dueAt))
                .append("state", "SCHEDULED"));
    }

    Document assign(String taskId, String divisionId) {
        Division division = divisions.byId(divisionId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.BAD_REQUEST, "没有处室「" + divisionId + "」，见 config/divisions.yaml"));
        find(taskId);
        store.updateTask(taskId, Updates.set("division", division.id()));
        scheduleAssignment(taskId, division.id());
        return find(taskId);
    }

    Document acknowledge(String taskId, String by) {
        Document task = find(taskId);
        if ("OPEN".equals(task.getString("state"))) {
            store.updateTask(taskId, Updates.combine(Updates.set("state", "ACKNOWLEDGED"), Updates.set("ackBy", by),
                    Updates.set("ackAt", Date.from(clock.instant()))));
        }
        return find(taskId);
    }

    /**
     * @param deadline the obligation answered (e.g. 发布权威信息); null answers every open one
     * @param publish  also take the response in as a Disclosure (it then passes the negative list and review
     *                 like any other item, and is pushed by a plan)
     */
    Document respond(String taskId, String text, String link, String by, String deadline, boolean publish) {
        Document task = find(taskId);
        List<Document> deadlines = task.getList("deadlines", Document.class);
        boolean named = false;
        for (Document d : deadlines) {
            if ("OPEN".equals(d.getString("state")) && (deadline == null || deadline.equals(d.getString("name")))) {
                d.append("state", "MET").append("metAt", Date.from(clock.instant()));
                named = true;
            }
        }
        if (deadline != null && !named) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "没有未完成的时限「" + deadline + "」");
        }
        boolean allClosed = deadlines.stream().noneMatch(d -> "OPEN".equals(d.getString("state")));
        store.updateTask(taskId, Updates.combine(Updates.set("deadlines", deadlines),
                Updates.push("responses", new Document("text", text).append("link", link).append("by", by)
                        .append("deadline", deadline).append("at", Date.from(clock.instant()))),
                Updates.set("state", allClosed ? "RESPONDED" : task.getString("state"))));
        if (publish) {
            int n = task.getList("responses", Document.class, List.of()).size() + 1;
            String itemId = intake.take(ItemKind.DISCLOSURE, "opinion-task", taskId + "-" + n,
                    "关于“" + task.getString("title") + "”的回应", text, link,
                    divisions.byId(Optional.ofNullable(task.getString("division")).orElse("")).map(Division::name).orElse(null));
            store.updateTask(taskId, Updates.push("publishedAs", itemId));
        }
        return find(taskId);
    }

    Document find(String taskId) {
        return store.task(taskId).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + taskId + " 的舆情回应任务"));
    }

    /** Fires every due timer once; run by {@link TimerJob}. */
    void fireDue() {
        Instant now = clock.instant();
        for (String id : store.dueTimers(now)) {
            store.takeTimer(id, "SCHEDULED", now.plus(FIRING_LEASE))
                    .or(() -> store.takeTimer(id, "FIRING", now.plus(FIRING_LEASE)))
                    .ifPresent(this::fire);
        }
    }

    private void fire(Document timer) {
        String id = timer.getString("_id");
        if (InterpretationWatch.CHECK.equals(timer.getString("kind"))) {
            store.settleTimer(id, interpretations.check(timer), null);
            return;
        }
        if (PublicationDeadlines.handles(timer.getString("kind"))) {
            publication.fire(timer).ifPresentOrElse(outcome -> settle(id, outcome),
                    () -> store.settleTimer(id, "SKIPPED", "已公开或不予公开"));
            return;
        }
        Document task = store.task(timer.getString("task")).orElse(null);
        ContentItem item = task == null ? null : items.findById(task.getString("_id")).orElse(null);
        if (item == null) {
            store.settleTimer(id, "SKIPPED", "任务不存在");
            return;
        }
        Optional<Notice> notice = noticeFor(timer, task);
        if (notice.isEmpty()) {
            store.settleTimer(id, "SKIPPED", "时限已完成");
            return;
        }
        SendOutcome worst = SendOutcome.accepted(null);
        for (Division.Contact to : notice.get().to()) {
            SendOutcome outcome = dispatcher.sendNotice(ChannelKind.SMS, to.phone(), item, "opinion-task",
                    Map.of("notice", Map.of("what", notice.get().what(), "deadline", notice.get().deadline(),
                            "code", task.getString("code"))), id + ":" + to.phone());
            if (outcome.kind() != SendOutcome.Kind.ACCEPTED) {
                worst = outcome;
            }
            store.updateTask(task.getString("_id"), Updates.push("notices", new Document("at", Date.from(clock.instant()))
                    .append("kind", timer.getString("kind")).append("to", to.name() + " " + PhoneNumbers.mask(to.phone()))
                    .append("outcome", outcome.kind().name())));
        }
        settle(id, worst);
    }

    private void settle(String timerId, SendOutcome outcome) {
        switch (outcome.kind()) {
            case ACCEPTED -> store.settleTimer(timerId, "DONE", null);
            case RETRY, HOLD -> store.rescheduleTimer(timerId, clock.instant().plus(RETRY_AFTER), outcome.reason());
            case PERMANENT -> store.settleTimer(timerId, "FAILED", outcome.reason());
        }
    }

    /** What to say to whom, or empty when there is nothing left to say. */
    private Optional<Notice> noticeFor(Document timer, Document task) {
        Optional<Division> division = Optional.ofNullable(task.getString("division")).flatMap(divisions::byId);
        if (division.isEmpty()) {
            return Optional.empty();
        }
        if (ASSIGN.equals(timer.getString("kind"))) {
            return Optional.of(new Notice("舆情回应任务交办", summary(task), division.get().contacts()));
        }
        int index = timer.getInteger("deadline");
        Document deadline = task.getList("deadlines", Document.class).get(index);
        String state = deadline.getString("state");
        String due = DUE.format(deadline.getDate("due").toInstant()) + "前须" + deadline.getString("name");
        if (REMIND.equals(timer.getString("kind"))) {
            return "OPEN".equals(state)
                    ? Optional.of(new Notice("舆情回应任务提醒", due, division.get().contacts())) : Optional.empty();
        }
        // An escalation is skipped only for a deadline that was met; OVERDUE means a retry of the leader's notice.
        if ("MET".equals(state)) {
            return Optional.empty();
        }
        store.updateTask(task.getString("_id"), Updates.combine(
                Updates.set("deadlines." + index + ".state", "OVERDUE"), Updates.set("overdue", true)));
        log.warn("Opinion task {} 《{}》 missed 「{}」: telling {}", task.getString("_id"), task.getString("title"),
                deadline.getString("name"), division.get().leader().name());
        return Optional.of(new Notice("舆情回应任务逾期（" + division.get().name() + "）", due, List.of(division.get().leader())));
    }

    private static String summary(Document task) {
        return task.getList("deadlines", Document.class).stream()
                .map(d -> DUE.format(d.getDate("due").toInstant()) + "前" + d.getString("name")).reduce((a, b) -> a + "，" + b)
                .orElse("");
    }

    private record Notice(String what, String deadline, List<Division.Contact> to) {
    }
}
