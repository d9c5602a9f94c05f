package org.sunshinehub.ingest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.util.Date;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;
import org.sunshinehub.content.ItemFields;

/** One feed entry as item fields, validated by the same parser as every other source. */
final class FeedEntries {

    /** Block-level breaks become a space; inline tags vanish, since Chinese text has no spaces to keep. */
    private static final Pattern BLOCK_TAG = Pattern.compile("(?i)<(br|/?p|/?div|/?li|/?h\\d|/?tr|/?td)\\b[^>]*>");
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final int SUMMARY_CHARS = 1_000;

    private FeedEntries() {
    }

    static String source(String feedName) {
        return "feed:" + feedName;
    }

    /** The entry's guid (RSS) or id (Atom), else its link: what makes a re-read entry the same item. */
    static String sourceId(SyndEntry entry) {
        return entry.getUri() != null && !entry.getUri().isBlank() ? entry.getUri() : entry.getLink();
    }

    static ItemFields toFields(String feedName, IngestProperties.Feed feed, SyndFeed channel, SyndEntry entry) {
        ObjectNode json = JsonNodeFactory.instance.objectNode()
                .put("source", source(feedName))
                .put("sourceId", sourceId(entry))
                .put("title", entry.getTitle())
                .put("url", entry.getLink())
                .put("category", feed.category() != null ? feed.category() : firstCategory(entry))
                .put("issuer", feed.issuer() != null ? feed.issuer() : channel.getTitle())
                .put("summary", summary(entry));
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        if (published != null) {
            json.put("publishedAt", published.toInstant().toString());
        }
        return ItemDraftParser.parse(feed.kind(), json, Set.of());
    }

    private static String firstCategory(SyndEntry entry) {
        return entry.getCategories().stream().map(SyndCategory::getName).findFirst().orElse(null);
    }

    /** Plain text of the description (or Atom summary), shortened: the full text stays on the website. */
    private static String summary(SyndEntry entry) {
        if (entry.getDescription() == null || entry.getDescription().getValue() == null) {
            return null;
        }
        String html = BLOCK_TAG.matcher(entry.getDescription().getValue()).replaceAll(" ");
        String text = SPACE.matcher(HtmlUtils.htmlUnescape(TAG.matcher(html).replaceAll(""))).replaceAll(" ").strip();
        return text.length() > SUMMARY_CHARS ? text.substring(0, SUMMARY_CHARS) + "…" : text;
    }
}
