package org.sunshinehub.dispatch;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.Environment;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.sunshinehub.SunshineHubApplication;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemFields;
import org.sunshinehub.content.PublicLinks;
import org.sunshinehub.text.PlainText;

/**
 * Renders {@code templates/<channel>/<kind>.ftl} (e.g. {@code sms/disclosure.ftl}). Templates on disk win over
 * the jar's copies and are re-read within a second of an edit. Every item value a template sees is one line
 * without control characters; a template made of {@code <@field>}s renders to those values as a JSON object
 * ({@link MessageFields}), any other to its text. {@code item.link} is the item's public page, when the hub has a
 * public base URL.
 */
@NamedInterface("api")
@Component
public class MessageRenderer {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA)
            .withZone(SunshineHubApplication.ZONE);

    private final Configuration freemarker;
    private final PublicLinks links;

    MessageRenderer(DispatchProperties properties, PublicLinks links) {
        this.links = links;
        freemarker = new Configuration(Configuration.VERSION_2_3_32);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setTemplateUpdateDelayMilliseconds(1000);
        ClassTemplateLoader jar = new ClassTemplateLoader(MessageRenderer.class, "/defaults/templates");
        try {
            freemarker.setTemplateLoader(Files.isDirectory(properties.templatesDir())
                    ? new MultiTemplateLoader(new TemplateLoader[] {
                            new FileTemplateLoader(properties.templatesDir().toFile()), jar})
                    : jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values every template sees for one item and plan. */
    Map<String, Object> model(ContentItem item, String replyCode, Map<String, Object> channelExtras) {
        return model(item, List.of(), replyCode, channelExtras);
    }

    /** @param related the interpretations of a document or the document an interpretation explains */
    Map<String, Object> model(ContentItem item, List<ContentItem> related, String replyCode,
                                     Map<String, Object> channelExtras) {
        ItemFields f = item.fields();
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", item.id());
        fields.put("kind", item.kind().name());
        put(fields, "title", PlainText.line(f.title()));
        put(fields, "url", PlainText.line(f.url()));
        put(fields, "link", links.absolute(item.id()).orElse(null));
        put(fields, "docNumber", PlainText.line(f.docNumber()));
        put(fields, "issuer", PlainText.line(f.issuer()));
        put(fields, "category", PlainText.line(f.category()));
        put(fields, "summary", PlainText.line(f.summary()));
        put(fields, "publishedAt", format(DATE, f.publishedAt()));
        put(fields, "opensAt", format(DATE, f.opensAt()));
        put(fields, "closesAt", format(DATE_TIME, f.closesAt()));
        if (item.recall() != null) {
            put(fields, "correction", PlainText.line(item.recall().correction()));
        }
        Map<String, Object> model = new HashMap<>(channelExtras);
        model.put("item", fields);
        model.put("related", related.stream().map(r -> Map.of("title", PlainText.line(r.fields().title()),
                "url", r.fields().url() == null ? "" : PlainText.line(r.fields().url()), "kind", r.kind().name()))
                .toList());
        model.put("replyCode", replyCode);
        return model;
    }

    /** The template name of an item kind: {@code disclosure}, {@code opinion-task} … */
    static String templateOf(org.sunshinehub.content.ItemKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @throws RenderException when the template is missing or fails */
    String render(ChannelKind channel, String template, Map<String, Object> model) {
        return render(channel.code() + "/" + template + ".ftl", model);
    }

    /**
     * Whether the template can tell one recipient from another: it names {@code recipient}, or pulls in another
     * template that might. Any other renders the same for a whole block.
     */
    boolean perRecipient(ChannelKind channel, String template) {
        try {
            String source = freemarker.getTemplate(channel.code() + "/" + template + ".ftl").toString();
            return source.contains("recipient") || source.contains("#include") || source.contains("#import");
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Renders any template under {@code templates/} (e.g. {@code report/adoption-report.ftl}).
     *
     * @throws IllegalStateException when the template is missing or fails
     */
    public String render(String name, Map<String, Object> model) {
        try {
            Template compiled = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            TemplateFields fields = new TemplateFields();
            Environment environment = compiled.createProcessingEnvironment(model, out);
            environment.setVariable("field", fields);
            environment.process();
            return fields.values().isEmpty() ? out.toString().strip() : MessageFields.content(fields.values());
        } catch (IOException | TemplateException e) {
            throw new RenderException("模板 " + name + " 渲染失败: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String format(DateTimeFormatter formatter, Instant instant) {
        return instant == null ? null : formatter.format(instant);
    }

    static final class RenderException extends IllegalStateException {
        RenderException(String message) {
            super(message);
        }
    }
}
