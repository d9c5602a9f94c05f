package org.sunshinehub.console;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.calendar.WorkingDayCalendar;
import org.sunshinehub.dispatch.ChannelAlerts;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.feedback.FeedbackInbox;
import org.sunshinehub.opiniontask.OpinionTaskBoard;

@RestController
class OverviewController {

    private final ItemRepository items;
    private final FeedbackInbox feedback;
    private final OpinionTaskBoard tasks;
    private final Clock clock;
    private final ChannelAlerts alerts;
    private final WorkingDayCalendar calendar;
    private final OverviewProperties properties;

    OverviewController(ItemRepository items, FeedbackInbox feedback, OpinionTaskBoard tasks, Clock clock,
                       ChannelAlerts alerts, WorkingDayCalendar calendar, OverviewProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
        this.alerts = alerts;
        this.items = items;
        this.feedback = feedback;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Operation(summary = "工作概览（待办、渠道状态、进行中的推送）")
    @GetMapping("/api/overview")
    Overview overview() {
        Instant now = clock.instant();
        List<OpenConsultation> consultations = items.find(new ItemQuery(ItemKind.CONSULTATION, ItemState.APPROVED, null, 0, 100))
                .items().stream()
                .filter(c -> c.fields().closesAt() != null && c.fields().closesAt().isAfter(now))
                .map(c -> open(c, now)).toList();
        List<OpinionTaskBoard.TaskView> all = tasks.tasks();
        Map<String, List<OpinionTaskBoard.TaskView>> byState = all.stream()
                .collect(Collectors.groupingBy(OpinionTaskBoard.TaskView::state, TreeMap::new, Collectors.toList()));
        return new Overview(now, consultations, byState, all.stream().filter(OpinionTaskBoard.TaskView::overdue).toList(),
                feedback.countAwaitingAnswer(), alerts.open(), calendarWarnings(now));
    }

    private List<String> calendarWarnings(Instant now) {
        return calendar.missingYears(now.atZone(SunshineHubApplication.ZONE).toLocalDate(), properties.calendarWarnAhead())
                .stream().map(y -> y + " 年的节假日安排尚未录入 config/calendar/，落在该年的工作日期限将无法计算").toList();
    }

    private OpenConsultation open(ContentItem c, Instant now) {
        return new OpenConsultation(c.id(), c.fields().title(), c.fields().closesAt(),
                Duration.between(now, c.fields().closesAt()).toDays(), feedback.countFor(c.id()));
    }

    record OpenConsultation(String id, String title, Instant closesAt, long daysLeft, long opinions) {
    }

    record Overview(Instant at, List<OpenConsultation> openConsultations,
                    Map<String, List<OpinionTaskBoard.TaskView>> opinionTasksByState,
                    List<OpinionTaskBoard.TaskView> overdue, long feedbackAwaitingAnswer,
                    List<ChannelAlerts.Alert> channelAlerts, List<String> calendarWarnings) {
    }
}
