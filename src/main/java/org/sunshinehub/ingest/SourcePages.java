package org.sunshinehub.ingest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;

/**
 * 系统 › 数据源: the source routes' health, as {@code GET /api/sources} reads it. The 系统 screen loads the panel
 * with htmx; without script the same address serves it as a page of its own.
 */
@Controller
@ConsolePage
class SourcePages {

    private final SourceStatus status;
    private final Staff staff;

    SourcePages(SourceStatus status, Staff staff) {
        this.status = status;
        this.staff = staff;
    }

    @GetMapping("/admin/sources")
    String sources(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        staff.require(Role.ADMIN, Role.AUDITOR);
        model.addAttribute("sources", status.read());
        return htmx == null ? "sources" : "sources :: panel";
    }
}
