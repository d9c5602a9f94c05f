package org.sunshinehub.audience;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.ConsolePage;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.StaffAccount;
import org.sunshinehub.security.Staff;

/** 订阅者 → CSV 导入: the upload starts a background import; its page polls the counts until the last row. */
@Controller
@ConsolePage
class ImportPages {

    private final ImportJobs jobs;
    private final Staff staff;
    private final AuditLog audit;

    ImportPages(ImportJobs jobs, Staff staff, AuditLog audit) {
        this.jobs = jobs;
        this.staff = staff;
        this.audit = audit;
    }

    @PostMapping("/subscribers/import")
    String start(@RequestParam("file") MultipartFile file) throws IOException {
        StaffAccount me = staff.require(Role.PUBLISHER, Role.ADMIN);
        Path upload = Files.createTempFile("subscribers-", ".csv");
        file.transferTo(upload);
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        String id = jobs.start(upload, name, me.username());
        audit.record(AuditAction.SUBSCRIBER_IMPORT, "file:" + name, "import " + id + ", " + file.getSize() + " bytes");
        return "redirect:/subscribers/imports/" + id;
    }

    @GetMapping("/subscribers/imports/{id}")
    String page(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "subscriber-import";
    }

    /** The progress fragment htmx polls; it stops polling itself once the import is done. */
    @GetMapping("/subscribers/imports/{id}/progress")
    String progress(@PathVariable String id, Model model) {
        model.addAttribute("job", job(id));
        return "subscriber-import :: progress";
    }

    private ImportJobs.Job job(String id) {
        staff.require(Role.PUBLISHER, Role.ADMIN);
        return jobs.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "没有这次导入（导入记录只保留在导入它的实例上，且仅最近 50 次）"));
    }
}
