package org.sunshinehub.opiniontask;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.security.AuditAction;
import org.sunshinehub.security.AuditLog;
import org.sunshinehub.security.Role;
import org.sunshinehub.security.Staff;
import org.sunshinehub.security.StaffAccount;

@RestController
@RequestMapping("/api/opinion-tasks")
class OpinionTaskController {

    private final OpinionTaskService tasks;
    private final OpinionTaskStore store;
    private final Staff staff;
    private final AuditLog audit;

    OpinionTaskController(OpinionTaskService tasks, OpinionTaskStore store, Staff staff, AuditLog audit) {
        this.tasks = tasks;
        this.store = store;
        this.staff = staff;
        this.audit = audit;
    }

    @Operation(summary = "查询舆情回应任务")
    @GetMapping("/{id}")
    Document get(@PathVariable String id) {
        return ownDivision(tasks.find(id));
    }

    @Operation(summary = "列出舆情回应任务")
    @GetMapping
    List<Document> list(@RequestParam(required = false) String state) {
        Optional<String> division = divisionOnly();
        return store.tasks(state).stream()
                .filter(t -> division.isEmpty() || division.get().equals(t.getString("division"))).toList();
    }

    @Operation(summary = "交办舆情回应任务")
    @PostMapping("/{id}/assign")
    Document assign(@PathVariable String id, @RequestBody Assignment body) {
        if (divisionOnly().isPresent()) {
            throw Staff.forbidden("业务处室账号不能分派任务");
        }
        Document task = tasks.assign(id, required(body.division(), "division"));
        audit.record(AuditAction.TASK_ASSIGN, "task:" + id, body.division());
        return task;
    }

    @Operation(summary = "签收舆情回应任务")
    @PostMapping("/{id}/ack")
    Document acknowledge(@PathVariable String id, @RequestBody Acknowledgement body) {
        ownDivision(tasks.find(id));
        Document task = tasks.acknowledge(id, actor(body.by()));
        audit.record(AuditAction.TASK_ACK, "task:" + id, null);
        return task;
    }

    @Operation(summary = "回应舆情回应任务")
    @PostMapping("/{id}/respond")
    Document respond(@PathVariable String id, @RequestBody Response body) {
        ownDivision(tasks.find(id));
        Document task = tasks.respond(id, required(body.text(), "text"), body.link(), actor(body.by()), body.deadline(),
                body.publish());
        audit.record(AuditAction.TASK_RESPOND, "task:" + id, body.text());
        return task;
    }

    /** A signed-in member acts under their own name; only a system caller (API key) says who in the body. */
    private String actor(String by) {
        return staff.current().map(StaffAccount::displayName).orElseGet(() -> required(by, "by"));
    }

    /** The division of a signed-in account that is a division's and nothing wider. */
    private Optional<String> divisionOnly() {
        return staff.current().filter(a -> a.has(Role.DIVISION) && !a.has(Role.ADMIN) && !a.has(Role.RESPONDER)
                && !a.has(Role.AUDITOR)).map(a -> Optional.ofNullable(a.division()).orElse(""));
    }

    private Document ownDivision(Document task) {
        divisionOnly().filter(d -> !d.equals(task.getString("division"))).ifPresent(d -> {
            throw Staff.forbidden("此任务不属于本处室");
        });
        return task;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, field + " 必填");
        }
        return value.strip();
    }

    record Assignment(String division) {
    }

    record Acknowledgement(String by) {
    }

    /** @param publish also take the response in as a Disclosure, to be reviewed and pushed */
    record Response(String text, String link, String by, String deadline, boolean publish) {
    }
}
