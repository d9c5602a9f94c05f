package org.sunshinehub.publicpages;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.sunshinehub.consultation.PublishedReports;
import org.sunshinehub.content.ContentItem;
import org.sunshinehub.content.ItemRepository;
import org.sunshinehub.content.PublicLinks;

/**
 * {@code /p/feed.atom}: the consultations and the published adoption reports as Atom 1.0, for the office's website
 * to show. Links are absolute on {@code sunshine.public.base-url}, or on the address the request came to.
 */
@RestController
class AtomFeed {

    static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final ItemRepository items;
    private final PublishedReports reports;
    private final PublicLinks links;

    AtomFeed(ItemRepository items, PublishedReports reports, PublicLinks links) {
        this.items = items;
        this.reports = reports;
        this.links = links;
    }

    @GetMapping(PublicLinks.ROOT + "/feed.atom")
    ResponseEntity<String> feed(HttpServletRequest request) throws FeedException {
        String base = links.baseUrl().orElseGet(() -> ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        List<SyndEntry> entries = new ArrayList<>();
        ConsultationListPages.latest(items).forEach(c -> entries.add(consultation(base, c)));
        reports.latest(ConsultationListPages.LATEST).forEach(r -> entries.add(report(base, r)));
        entries.sort(Comparator.comparing(SyndEntry::getUpdatedDate).reversed());
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setUri(base + PublicLinks.ROOT + "/feed.atom");
        feed.setLink(base + PublicLinks.ROOT + "/consultations");
        feed.setTitle("意见征集与采纳情况");
        feed.setLanguage("zh-CN");
        feed.setAuthors(List.of(author()));
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdatedDate());
        feed.setEntries(entries);
        return ResponseEntity.ok().contentType(ATOM).body(new SyndFeedOutput().outputString(feed));
    }

    private static SyndEntry consultation(String base, ContentItem c) {
        Instant updated = c.fields().publishedAt() != null ? c.fields().publishedAt() : c.receivedAt();
        return entry(base + PublicLinks.path(c.id()), "urn:sunshinehub:consultation:" + c.id(),
                "意见征集：" + c.fields().title(), c.fields().summary() != null ? c.fields().summary() : c.fields().title(), updated);
    }

    private static SyndEntry report(String base, PublishedReports.Report r) {
        return entry(base + PublicLinks.path(r.consultationId()) + "#report", "urn:sunshinehub:adoption-report:"
                + r.consultationId(), "采纳情况：" + r.title(), r.text(), r.publishedAt());
    }

    private static SyndEntry entry(String link, String id, String title, String text, Instant updated) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(id);
        entry.setLink(link);
        entry.setTitle(title);
        entry.setUpdatedDate(Date.from(updated));
        entry.setPublishedDate(Date.from(updated));
        SyndContentImpl summary = new SyndContentImpl();
        summary.setType("text");
        summary.setValue(text);
        entry.setDescription(summary);
        return entry;
    }

    private static SyndPersonImpl author() {
        SyndPersonImpl author = new SyndPersonImpl();
        author.setName("阳光政务推送中枢");
        return author;
    }
}
