package org.sunshinehub.console;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.dispatch.Dispatcher;
import org.sunshinehub.opiniontask.OpinionTaskBoard;
import org.sunshinehub.opiniontask.PublicationDeadlines;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;

/** 工作台: what needs the signed-in member now, and the last 30 days of deliveries per channel. */
@Controller
@ConsolePage
class DashboardPage {

    static final int CHART_DAYS = 30;

    private final OverviewController overview;
    private final ItemRepository items;
    private final OpinionTaskBoard tasks;
    private final PublicationDeadlines publication;
    private final Dispatcher dispatcher;
    private final Staff staff;
    private final Clock clock;

    DashboardPage(OverviewController overview, ItemRepository items, OpinionTaskBoard tasks,
                  PublicationDeadlines publication, Dispatcher dispatcher, Staff staff, Clock clock) {
        this.publication = publication;
        this.overview = overview;
        this.items = items;
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.staff = staff;
        this.clock = clock;
    }

    @GetMapping("/")
    String dashboard(Model model) {
        StaffAccount me = staff.current().orElseThrow(() -> Staff.forbidden("请先登录"));
        OverviewController.Overview now = overview.overview();
        model.addAttribute("overview", now);
        model.addAttribute("awaitingMe", awaiting(me));
        model.addAttribute("dueSoonest", dueSoonest(me));
        model.addAttribute("publicationDeadlines", publication.approachingOrPast());
        model.addAttribute("charts", VolumeChart.of(dispatcher.dailyVolume(CHART_DAYS),
                clock.instant().atZone(SunshineHubApplication.ZONE).toLocalDate(), CHART_DAYS));
        model.addAttribute("chartWidth", VolumeChart.WIDTH);
        model.addAttribute("chartHeight", VolumeChart.HEIGHT);
        return "dashboard";
    }

    /** Items whose next level is one this member signs (and has not signed another level of). */
    private List<ContentItem> awaiting(StaffAccount me) {
        if (!me.has(Role.REVIEWER)) {
            return List.of();
        }
        return items.find(new ItemQuery(null, ItemState.PENDING_REVIEW, null, 0, 100)).items().stream()
                .filter(i -> !i.pendingLevels().isEmpty() && me.maySign(i.pendingLevels().get(0), i.fields().category()))
                .filter(i -> i.reviews().stream().noneMatch(r -> me.username().equals(r.reviewer())))
                .limit(10).toList();
    }

    /** Open deadlines, soonest first; a division's account sees its own division's only. */
    private List<DueTask> dueSoonest(StaffAccount me) {
        boolean divisionOnly = me.has(Role.DIVISION) && !me.has(Role.ADMIN) && !me.has(Role.RESPONDER) && !me.has(Role.AUDITOR);
        return tasks.tasks().stream()
                .filter(t -> !divisionOnly || (me.division() != null && me.division().equals(t.division())))
                .flatMap(t -> t.deadlines().stream().filter(d -> "OPEN".equals(d.state()))
                        .map(d -> new DueTask(t.id(), t.code(), t.title(), d.name(), d.due().toString())))
                .sorted(Comparator.comparing(DueTask::due)).limit(8).toList();
    }

    record DueTask(String id, String code, String title, String deadline, String due) {
    }
}
