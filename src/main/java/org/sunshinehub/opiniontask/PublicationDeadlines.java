package org.sunshinehub.opiniontask;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.calendar.MissingCalendarYearException;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemApproved;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemReceived;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.dispatch.SendOutcome;

/**
 * 《政府信息公开条例》第二十六条: an item with a formation date ({@code formedAt}) is to be published within 20 working
 * days of it. Its deadline is kept until the item is approved; the drafting division is reminded before the last
 * day and told, with its leader, once it has passed. Timers are the opinion tasks' ({@code opinionTaskTimers}).
 */
@Service
public class PublicationDeadlines {

    static final String REMIND = "PUBLICATION_REMIND";
    static final String OVERDUE = "PUBLICATION_OVERDUE";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日", Locale.CHINA);
    private static final Logger log = LoggerFactory.getLogger(PublicationDeadlines.class);

    private final PublicationDeadlineStore deadlines;
    private final OpinionTaskStore timers;
    private final ItemRepository items;
    private final Divisions divisions;
    private final WorkingDayCalendar calendar;
    private final Dispatcher dispatcher;
    private final PublicationDeadlineProperties properties;
    private final Clock clock;

    PublicationDeadlines(PublicationDeadlineStore deadlines, OpinionTaskStore timers, ItemRepository items,
                         Divisions divisions, WorkingDayCalendar calendar, Dispatcher dispatcher,
                         PublicationDeadlineProperties properties, Clock clock) {
        this.deadlines = deadlines;
        this.timers = timers;
        this.items = items;
        this.divisions = divisions;
        this.calendar = calendar;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
    }

    /** An item's deadline as the dashboard shows it. */
    public record Watched(PublicationDeadline deadline, String divisionName, boolean overdue, long daysLeft) {
    }

    /** Open deadlines whose last day is at most {@code remind-working-days-before} working days away, or past. */
    public List<Watched> approachingOrPast() {
        LocalDate today = today();
        LocalDate horizon = horizon(today);
        return deadlines.open().stream().filter(d -> items.findById(d.itemId()).filter(this::stillToPublish).isPresent())
                .filter(d -> !d.lastDay().isAfter(horizon))
                .sorted(Comparator.comparing(PublicationDeadline::lastDay))
                .map(d -> new Watched(d, divisions.byId(Optional.ofNullable(d.division()).orElse(""))
                        .map(Division::name).orElse("未确定处室"), d.overdue(today),
                        ChronoUnit.DAYS.between(today, d.lastDay())))
                .toList();
    }

    @EventListener
    void onReceived(ItemReceived event) {
        if (!properties.enabled() || event.kind() == ItemKind.OPINION_TASK) {
            return;
        }
        items.findById(event.itemId()).filter(i -> i.fields().formedAt() != null).ifPresent(item -> {
            try {
                watch(item);
            } catch (MissingCalendarYearException e) {
                // the dashboard already warns of missing calendar years; the item itself is taken in regardless
                log.warn("Item {} 《{}》: its publication deadline cannot be counted: {}", item.id(),
                        item.fields().title(), e.getMessage());
            }
        });
    }

    @EventListener
    void onApproved(ItemApproved event) {
        deadlines.settle(event.itemId(), PublicationDeadline.State.MET);
    }

    private void watch(ContentItem item) {
        LocalDate formed = item.fields().formedAt().atZone(SunshineHubApplication.ZONE).toLocalDate();
        LocalDate last = calendar.plusWorkingDays(formed, properties.workingDays());
        String division = divisions.responsibleFor(item.fields()).map(Division::id).orElse(null);
        deadlines.insert(new PublicationDeadline(item.id(), item.fields().title(), division,
                item.fields().formedAt(), last, PublicationDeadline.State.OPEN));
        int remindAfter = Math.max(0, properties.workingDays() - properties.remindWorkingDaysBefore());
        timer(item.id(), REMIND, calendar.plusWorkingDays(formed, remindAfter));
        timer(item.id(), OVERDUE, calendar.plusWorkingDays(last, 1));
        log.info("Item {} 《{}》 formed {}: to be published by {} (条例第二十六条)", item.id(), item.fields().title(),
                formed, last);
    }

    private void timer(String itemId, String kind, LocalDate day) {
        Instant at = day.atTime(properties.noticeTime()).atZone(SunshineHubApplication.ZONE).toInstant();
        timers.insertTimer(new Document("_id", itemId + ":publication:" + kind).append("task", itemId)
                .append("kind", kind).append("dueAt", Date.from(at)).append("state", "SCHEDULED"));
    }

    static boolean handles(String timerKind) {
        return REMIND.equals(timerKind) || OVERDUE.equals(timerKind);
    }

    /**
     * Fired by the timer job.
     *
     * @return the worst provider answer, or empty when there was nothing to say (published, or not to be)
     */
    Optional<SendOutcome> fire(Document timer) {
        String itemId = timer.getString("task");
        Optional<ContentItem> item = items.findById(itemId).filter(this::stillToPublish);
        Optional<PublicationDeadline> deadline = deadlines.find(itemId)
                .filter(d -> d.state() == PublicationDeadline.State.OPEN);
        Optional<Division> division = deadline.map(PublicationDeadline::division).flatMap(divisions::byId);
        if (item.isEmpty() || deadline.isEmpty() || division.isEmpty()) {
            return Optional.empty();
        }
        boolean overdue = OVERDUE.equals(timer.getString("kind"));
        String what = overdue ? "政府信息公开逾期（" + division.get().name() + "）" : "政府信息公开期限提醒";
        String due = "须于" + DAY.format(deadline.get().lastDay()) + "前公开（《政府信息公开条例》第二十六条）";
        List<Division.Contact> to = overdue
                ? Stream.concat(division.get().contacts().stream(), Stream.of(division.get().leader())).toList()
                : division.get().contacts();
        if (overdue) {
            log.warn("Item {} 《{}》 passed its publication deadline {}: telling {}", itemId, item.get().fields().title(),
                    deadline.get().lastDay(), division.get().name());
        }
        SendOutcome worst = SendOutcome.accepted(null);
        for (Division.Contact contact : to) {
            SendOutcome outcome = dispatcher.sendNotice(ChannelKind.SMS, contact.phone(), item.get(), "publication-deadline",
                    Map.of("notice", Map.of("what", what, "deadline", due)),
                    timer.getString("_id") + ":" + contact.phone());
            if (outcome.kind() != SendOutcome.Kind.ACCEPTED) {
                worst = outcome;
            }
        }
        return Optional.of(worst);
    }

    /** Settles the deadline of an item that was decided meanwhile; true while it is still to be published. */
    private boolean stillToPublish(ContentItem item) {
        switch (item.state()) {
            case APPROVED -> deadlines.settle(item.id(), PublicationDeadline.State.MET);
            case REJECTED, RECALLED -> deadlines.settle(item.id(), PublicationDeadline.State.CLOSED);
            default -> {
                return true;
            }
        }
        return false;
    }

    /** The last day a reminder is due by now; without next year's calendar, a week of calendar days per 5. */
    private LocalDate horizon(LocalDate today) {
        try {
            return calendar.plusWorkingDays(today, properties.remindWorkingDaysBefore());
        } catch (MissingCalendarYearException e) {
            return today.plusDays(properties.remindWorkingDaysBefore() * 7L / 5 + 1);
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(SunshineHubApplication.ZONE).toLocalDate();
    }
}
