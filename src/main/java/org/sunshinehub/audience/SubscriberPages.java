package org.sunshinehub.audience;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;

/** 订阅者: search by phone or topic with each channel's opt-out state (the CSV import is {@link ImportPages}). */
@Controller
@ConsolePage
class SubscriberPages {

    private static final int PAGE_SIZE = 20;

    private final SubscriberStore store;
    private final Staff staff;

    SubscriberPages(SubscriberStore store, Staff staff) {
        this.store = store;
        this.staff = staff;
    }

    @GetMapping("/subscribers")
    String search(@RequestParam(required = false) String phone, @RequestParam(required = false) String topic,
                  @RequestParam(defaultValue = "0") int page, Model model) {
        staff.require(Role.PUBLISHER, Role.ADMIN, Role.AUDITOR);
        List<Bson> conditions = new ArrayList<>();
        if (phone != null && !phone.isBlank()) {
            conditions.add(Filters.eq("phone", PhoneNumbers.normalise(phone).orElse(phone.strip())));
        }
        if (topic != null && !topic.isBlank()) {
            conditions.add(Filters.eq("topics", topic.strip()));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        model.addAttribute("subscribers", store.page(filter, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("total", store.count(filter));
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute("channels", ChannelKind.values());
        return "subscribers";
    }

}
