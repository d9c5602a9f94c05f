package org.sunshinehub.content;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.ObjectId;

/** Maps items to BSON by hand, so the stored shape is explicit and absent fields are not written. */
final class ItemDocuments {

    private ItemDocuments() {
    }

    static Document toDocument(ContentItem item) {
        ItemFields f = item.fields();
        Document d = new Document("_id", new ObjectId(item.id()))
                .append("kind", item.kind().name())
                .append("state", item.state().name());
        put(d, "source", f.source());
        put(d, "sourceId", f.sourceId());
        put(d, "title", f.title());
        put(d, "docNumber", f.docNumber());
        put(d, "issuer", f.issuer());
        put(d, "category", f.category());
        put(d, "publishedAt", date(f.publishedAt()));
        put(d, "url", f.url());
        put(d, "summary", f.summary());
        put(d, "body", f.body());
        put(d, "opensAt", date(f.opensAt()));
        put(d, "closesAt", date(f.closesAt()));
        put(d, "consultationType", f.consultationType());
        put(d, "shortPeriodReason", f.shortPeriodReason());
        put(d, "explainsDocNumber", f.explainsDocNumber());
        put(d, "severity", f.severity());
        put(d, "division", f.division());
        put(d, "supervisionWorkingDays", f.supervisionWorkingDays());
        put(d, "formedAt", date(f.formedAt()));
        d.append("receivedAt", date(item.receivedAt()));
        if (item.withheld() != null) {
            Withholding w = item.withheld();
            d.append("withheld", new Document("ruleId", w.ruleId()).append("ground", w.ground())
                    .append("matched", w.matched()));
        }
        d.append("requiredLevels", item.requiredLevels());
        d.append("reviews", item.reviews().stream().map(ItemDocuments::toDocument).toList());
        if (item.recall() != null) {
            ItemRecall r = item.recall();
            Document recall = new Document("reason", r.reason()).append("by", r.by()).append("at", date(r.at()));
            put(recall, "correction", r.correction());
            put(recall, "byName", r.byName());
            d.append("recall", recall);
        }
        d.append("version", item.version());
        return d;
    }

    static ContentItem fromDocument(Document d) {
        ItemFields fields = new ItemFields(
                d.getString("source"), d.getString("sourceId"), d.getString("title"), d.getString("docNumber"),
                d.getString("issuer"), d.getString("category"), instant(d, "publishedAt"), d.getString("url"),
                d.getString("summary"), d.getString("body"), instant(d, "opensAt"), instant(d, "closesAt"),
                d.getString("consultationType"), d.getString("shortPeriodReason"), d.getString("explainsDocNumber"), d.getString("severity"),
                d.getString("division"), d.getInteger("supervisionWorkingDays"), instant(d, "formedAt"));
        Document w = d.get("withheld", Document.class);
        Document r = d.get("recall", Document.class);
        return new ContentItem(
                d.getObjectId("_id").toHexString(),
                ItemKind.valueOf(d.getString("kind")),
                ItemState.valueOf(d.getString("state")),
                fields,
                instant(d, "receivedAt"),
                w == null ? null : new Withholding(w.getString("ruleId"), w.getString("ground"), w.getString("matched")),
                d.getList("requiredLevels", String.class, List.of()),
                d.getList("reviews", Document.class, List.of()).stream().map(ItemDocuments::reviewOf).toList(),
                r == null ? null : new ItemRecall(r.getString("reason"), r.getString("correction"), r.getString("by"),
                        r.getString("byName"), instant(r, "at")),
                d.get("version", Number.class).longValue());
    }

    private static Document toDocument(ReviewRecord r) {
        Document d = new Document("level", r.level()).append("decision", r.decision().name())
                .append("reviewer", r.reviewer()).append("at", date(r.at()));
        put(d, "reviewerName", r.reviewerName());
        put(d, "comment", r.comment());
        return d;
    }

    private static ReviewRecord reviewOf(Document d) {
        return new ReviewRecord(d.getString("level"), ReviewRecord.Decision.valueOf(d.getString("decision")),
                d.getString("reviewer"), d.getString("reviewerName"), d.getString("comment"), instant(d, "at"));
    }

    private static void put(Document d, String key, Object value) {
        if (value != null) {
            d.append(key, value);
        }
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Document d, String key) {
        Date date = d.getDate(key);
        return date == null ? null : date.toInstant();
    }
}
