package org.sunshinehub.audience;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import com.mongodb.client.model.Filters;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;

/** 订阅者: search by phone or topic with each channel's opt-out state, and a CSV import with its rejected rows. */
@Controller
@ConsolePage
class SubscriberPages {

    private static final int PAGE_SIZE = 20;

    private final SubscriberStore store;
    private final CsvImport csvImport;
    private final Staff staff;
    private final AuditLog audit;

    SubscriberPages(SubscriberStore store, CsvImport csvImport, Staff staff, AuditLog audit) {
        this.store = store;
        this.csvImport = csvImport;
        this.staff = staff;
        this.audit = audit;
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

    @PostMapping("/subscribers/import")
    String importCsv(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        staff.require(Role.PUBLISHER, Role.ADMIN);
        CsvImport.Report report;
        try (InputStream in = file.getInputStream()) {
            report = csvImport.read(in, null);
        }
        audit.record(AuditAction.SUBSCRIBER_IMPORT, "file:" + file.getOriginalFilename(),
                "rows " + report.rows() + ", created " + report.created() + ", merged " + report.merged()
                        + ", rejected " + report.rejected());
        model.addAttribute("report", report);
        return search(null, null, 0, model);
    }
}
