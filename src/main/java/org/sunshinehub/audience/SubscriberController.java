package org.sunshinehub.audience;

import io.swagger.v3.oas.annotations.Operation;
import org.sunshinehub.channelkind.ChannelKind;
import com.mongodb.client.model.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.web.Paging;

@RestController
@RequestMapping("/api/subscribers")
class SubscriberController {

    private final SubscriberService subscribers;
    private final SubscriberDirectory directory;
    private final SubscriberStore store;
    private final CsvImport csvImport;

    SubscriberController(SubscriberService subscribers, SubscriberDirectory directory, SubscriberStore store,
                         CsvImport csvImport) {
        this.subscribers = subscribers;
        this.directory = directory;
        this.store = store;
        this.csvImport = csvImport;
    }

    /** 201 for a new subscriber, 200 when merged into the one that already holds an identity. */
    @Operation(summary = "登记订阅者")
    @PostMapping(consumes = "application/json")
    ResponseEntity<Subscriber> register(@RequestBody SubscriberRequest request) {
        SubscriberService.Registration registration = subscribers.register(request);
        return ResponseEntity.status(registration.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(registration.subscriber());
    }

    @Operation(summary = "查询订阅者")
    @GetMapping("/{id}")
    Subscriber get(@PathVariable String id) {
        return directory.find(id).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "查找订阅者")
    @GetMapping
    SubscriberPage list(@RequestParam(required = false) String phone, @RequestParam(required = false) String wechatOpenId,
                        @RequestParam(required = false) String appRegistrationId,
                        @RequestParam(required = false) String topic,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        List<Bson> conditions = new ArrayList<>();
        if (phone != null) {
            conditions.add(Filters.eq("phone", PhoneNumbers.normalise(phone).orElse(phone)));
        }
        if (wechatOpenId != null) {
            conditions.add(Filters.eq("wechatOpenId", wechatOpenId));
        }
        if (appRegistrationId != null) {
            conditions.add(Filters.eq("appRegistrationId", appRegistrationId));
        }
        if (topic != null) {
            conditions.add(Filters.eq("topics", topic));
        }
        Bson filter = conditions.isEmpty() ? new Document() : Filters.and(conditions);
        return new SubscriberPage(page, size, store.count(filter), store.page(filter, page, size));
    }

    /** Opt-out: permanent for the channel until the citizen opts in again. */
    @Operation(summary = "订阅者退订某个渠道")
    @DeleteMapping("/{id}/channels/{channel}")
    Subscriber optOut(@PathVariable String id, @PathVariable String channel) {
        ChannelKind kind;
        try {
            kind = ChannelKind.of(channel);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return directory.optOutById(id, kind).orElseThrow(() -> notFound(id));
    }

    @Operation(summary = "以 CSV 批量导入订阅者")
    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    CsvImport.Report importCsv(HttpServletRequest request) throws IOException {
        return csvImport.read(request.getInputStream(), charsetOf(request.getContentType()));
    }

    /** The charset the client named; Spring's request encoding is not used, it defaults to UTF-8 for everyone. */
    private static Charset charsetOf(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType).getCharset();
        } catch (InvalidMediaTypeException | UnsupportedCharsetException | IllegalCharsetNameException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Content-Type 的 charset 无法识别");
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + id + " 的订阅者");
    }

    record SubscriberPage(int page, int size, long total, List<Subscriber> subscribers) {
    }
}
