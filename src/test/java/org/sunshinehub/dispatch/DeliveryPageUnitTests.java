package org.sunshinehub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.sunshinehub.channelkind.ChannelKind;

class DeliveryPageUnitTests {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void subscribersMadeOneAfterAnotherShareAPageOfAtMostSpanCounters() {
        // Given ids made one after another by this process
        List<String> ids = IntStream.range(0, 2 * DeliveryPage.SPAN).mapToObj(i -> new ObjectId().toHexString()).toList();

        // When their pages are computed for one item and channel
        List<String> pages = ids.stream().map(s -> DeliveryPage.idOf("item-1:sms:" + s)).distinct().toList();

        // Then 512 neighbours fill two or three pages of that item and channel
        assertThat(pages).hasSizeBetween(2, 3).allMatch(p -> p.startsWith("item-1:sms:"));
    }

    @Test
    void theSameSubscriberOnAnotherItemOrChannelIsOnAnotherPage() {
        String subscriber = new ObjectId().toHexString();

        assertThat(DeliveryPage.idOf("item-1:sms:" + subscriber)).isNotEqualTo(DeliveryPage.idOf("item-1:wechat:" + subscriber))
                .isNotEqualTo(DeliveryPage.idOf("item-2~notice:sms:" + subscriber));
    }

    @Test
    void anIdThatIsNoObjectIdHasAPageOfItsOwn() {
        assertThat(DeliveryPage.idOf("item-1:sms:division-7")).isEqualTo("item-1:sms:~division-7");
        assertThat(DeliveryPage.idOf("item-1:weibo:weibo-account:gov")).isEqualTo("item-1:weibo:~weibo-account:gov");
        assertThat(DeliveryPage.empty("item-1:weibo:~weibo-account:gov").key()).isEqualTo("item-1:weibo");
    }

    @Test
    void aRecipientIsAddedOnceAndMovesOnlyFromTheStateTheMoveNames() {
        // Given a page with one pending delivery
        Delivery pending = pending(new ObjectId().toHexString());
        DeliveryPage page = DeliveryPage.empty(DeliveryPage.idOf(pending.id()));
        assertThat(page.add(pending)).isTrue();

        // When the same recipient is added again, and moves are tried from the wrong and the right state
        boolean again = page.add(pending);
        boolean fromSent = page.update(pending.id(), DeliveryState.SENT, d -> d.moved(DeliveryState.DELIVERED,
                Delivery.Change.of(d.id()), NOW));
        boolean fromPending = page.update(pending.id(), DeliveryState.PENDING, d -> d.moved(DeliveryState.SENT,
                new Delivery.Change(d.id(), 1, "biz-1", null, null), NOW));

        // Then only the first add and the move from PENDING count, and the move kept what it was given
        assertThat(again).isFalse();
        assertThat(fromSent).isFalse();
        assertThat(fromPending).isTrue();
        assertThat(page.find(pending.id()).orElseThrow()).extracting(Delivery::state, Delivery::providerId,
                Delivery::attempts).containsExactly(DeliveryState.SENT, "biz-1", 1);
        assertThat(page.deliveries()).hasSize(1);
    }

    @Test
    void aMoveTheStatesDoNotAllowIsRefused() {
        Delivery delivered = pending(new ObjectId().toHexString()).moved(DeliveryState.DELIVERED,
                Delivery.Change.of("x"), NOW);

        assertThatThrownBy(() -> delivered.moved(DeliveryState.SENT, Delivery.Change.of("x"), NOW))
                .isInstanceOf(IllegalStateException.class);
    }

    private static Delivery pending(String subscriber) {
        return new Delivery(Delivery.id("item-1", ChannelKind.SMS, subscriber), "plan-1", "plan-1:sms", "item-1",
                ChannelKind.SMS, subscriber, "13900000001", DeliveryState.PENDING, List.of(), null, null, 0, null,
                null, null, NOW, NOW, null);
    }
}
