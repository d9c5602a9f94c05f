package org.sunshinehub.publicpages;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.sunshinehub.consultation.PublishedReports;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemKind;
import org.sunshinehub.content.ItemQuery;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.ItemState;
import org.sunshinehub.content.PublicLinks;

/** 意见征集: the open consultations, then the closed ones with whether their adoption report is out. */
@Controller
@PublicPage
class ConsultationListPages {

    /** The page shows the latest this many; older ones stay reachable by their links and in the feed's archive. */
    static final int LATEST = 100;

    private final ItemRepository items;
    private final PublishedReports reports;
    private final Clock clock;

    ConsultationListPages(ItemRepository items, PublishedReports reports, Clock clock) {
        this.items = items;
        this.reports = reports;
        this.clock = clock;
    }

    record Entry(PublicItem item, boolean reported) {
    }

    @GetMapping(PublicLinks.ROOT + "/consultations")
    String list(Model model) {
        Instant now = clock.instant();
        List<Entry> all = latest(items).stream()
                .map(c -> new Entry(PublicItem.of(c, List.of(), now), reports.of(c.id()).isPresent())).toList();
        model.addAttribute("open", all.stream().filter(e -> !e.item().period().closed()).toList());
        model.addAttribute("closed", all.stream().filter(e -> e.item().period().closed()).toList());
        return "public/consultations";
    }

    static List<ContentItem> latest(ItemRepository items) {
        return items.find(new ItemQuery(ItemKind.CONSULTATION, ItemState.APPROVED, null, 0, LATEST)).items();
    }
}
