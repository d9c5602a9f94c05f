package org.sunshinehub.content;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.sunshinehub.web.Paging;

/** Staff read API: what the sources brought in, with review history and the levels still to sign. */
@RestController
@RequestMapping("/api/items")
class ItemsController {

    private final ItemRepository repository;
    private final ItemLinks links;

    ItemsController(ItemRepository repository, ItemLinks links) {
        this.repository = repository;
        this.links = links;
    }

    @Operation(summary = "列出信息")
    @GetMapping
    ItemPage list(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
                  @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size);
        return repository.find(new ItemQuery(parse(ItemKind.class, "kind", kind), parse(ItemState.class, "state", state),
                q, page, size));
    }

    @Operation(summary = "查询信息")
    @GetMapping("/{id}")
    ContentItem get(@PathVariable String id) {
        return repository.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "没有 id 为 " + id + " 的信息"));
    }

    /** The approved interpretations of a document, or the document an interpretation explains. */
    @Operation(summary = "查询相关信息（如政策文件的解读）")
    @GetMapping("/{id}/related")
    java.util.List<ContentItem> related(@PathVariable String id) {
        return links.related(get(id));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String constant = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(constant)) {
                return e;
            }
        }
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                name + " 取值无效: " + value + "，可选 " + java.util.Arrays.toString(type.getEnumConstants()));
    }
}
