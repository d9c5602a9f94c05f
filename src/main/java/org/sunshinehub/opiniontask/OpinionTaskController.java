package org.sunshinehub.opiniontask;

import java.util.List;
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

@RestController
@RequestMapping("/api/opinion-tasks")
class OpinionTaskController {

    private final OpinionTaskService tasks;
    private final OpinionTaskStore store;

    OpinionTaskController(OpinionTaskService tasks, OpinionTaskStore store) {
        this.tasks = tasks;
        this.store = store;
    }

    @GetMapping("/{id}")
    Document get(@PathVariable String id) {
        return tasks.find(id);
    }

    @GetMapping
    List<Document> list(@RequestParam(required = false) String state) {
        return store.tasks(state);
    }

    @PostMapping("/{id}/assign")
    Document assign(@PathVariable String id, @RequestBody Assignment body) {
        return tasks.assign(id, required(body.division(), "division"));
    }

    @PostMapping("/{id}/ack")
    Document acknowledge(@PathVariable String id, @RequestBody Acknowledgement body) {
        return tasks.acknowledge(id, required(body.by(), "by"));
    }

    @PostMapping("/{id}/respond")
    Document respond(@PathVariable String id, @RequestBody Response body) {
        return tasks.respond(id, required(body.text(), "text"), body.link(), required(body.by(), "by"), body.deadline(),
                body.publish());
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
