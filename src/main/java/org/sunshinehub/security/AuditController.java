package org.sunshinehub.security;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.sunshinehub.web.Paging;

/** The audit log, read-only: {@code GET} is the only method, for ADMIN and AUDITOR accounts. */
@RestController
class AuditController {

    private final AuditLog audit;
    private final Staff staff;

    AuditController(AuditLog audit, Staff staff) {
        this.audit = audit;
        this.staff = staff;
    }

    @Operation(summary = "查询审计日志")
    @GetMapping("/api/audit-events")
    AuditLog.AuditPage list(@RequestParam(required = false) String account, @RequestParam(defaultValue = "0") int page,
                            @RequestParam(defaultValue = "50") int size) {
        staff.require(Role.ADMIN, Role.AUDITOR);
        Paging.check(page, size);
        return audit.page(account, page, size);
    }
}
