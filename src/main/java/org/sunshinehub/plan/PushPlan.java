package org.sunshinehub.plan;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.sunshinehub.audience.AudienceSpec;
import org.sunshinehub.channelkind.ChannelKind;
import org.sunshinehub.dispatch.OverCap;

/**
 * @param replyCode a short number that replies to this plan's messages carry (SMS extension code, WeChat
 *                  "#code"), so a reply is linked to the item it answers
 * @param purpose   null, or what a second push of the item is for (see {@code PushJob})
 * @param fallback  {@code channels} is an order of preference: one delivery per citizen, on the first channel
 *                  that works for them
 * @param resend    citizens whose earlier delivery of the item failed get it again
 * @param moves     when the plan entered each state it has been in
 * @param skipped   per channel, the audience left out because earlier plans reached them
 * @param cancelledBecause null, or why the hub (not staff) cancelled the plan, e.g. its item was recalled
 */
record PushPlan(String id, String itemId, List<ChannelKind> channels, AudienceSpec audience, Instant sendAt,
                boolean urgent, boolean broadcast, boolean fallback, OverCap overCap, boolean resend, State state,
                String replyCode, String purpose, Map<State, Instant> moves, Map<ChannelKind, Skip> skipped,
                String cancelledBecause, long version) {

    /**
     * SCHEDULED → FANNING_OUT (fired) → SENDING (every channel's audience read) → COMPLETED (every delivery final,
     * fallbacks resolved, digests sent); SCHEDULED | FANNING_OUT | SENDING → CANCELLED. A resend of failed
     * deliveries brings a COMPLETED plan back to SENDING.
     */
    enum State {
        SCHEDULED, FANNING_OUT, SENDING, COMPLETED, CANCELLED;

        boolean canMoveTo(State next) {
            return switch (this) {
                case SCHEDULED -> next == FANNING_OUT || next == CANCELLED;
                case FANNING_OUT -> next == SENDING || next == CANCELLED;
                case SENDING -> next == COMPLETED || next == CANCELLED;
                case COMPLETED -> next == SENDING;
                case CANCELLED -> false;
            };
        }

        boolean isFinal() {
            return this == COMPLETED || this == CANCELLED;
        }
    }

    /** Who a channel leaves out: {@code count} of the audience, and why. */
    record Skip(long count, String reason) {
    }

    PushPlan {
        channels = List.copyOf(channels);
        moves = moves.isEmpty() ? new EnumMap<>(State.class) : new EnumMap<>(moves);
        skipped = skipped.isEmpty() ? new EnumMap<>(ChannelKind.class) : new EnumMap<>(skipped);
    }

    /** When the plan was made (its SCHEDULED move); public for the console's plan list. */
    public Instant createdAt() {
        return moves.get(State.SCHEDULED);
    }

    Instant firedAt() {
        return moves.get(State.FANNING_OUT);
    }

    /** @throws IllegalStateException for a move the plan's state does not allow */
    PushPlan moveTo(State next, Instant at) {
        return moveTo(next, at, cancelledBecause);
    }

    /** Cancelled, saying why (null: by staff). */
    PushPlan cancelled(Instant at, String because) {
        return moveTo(State.CANCELLED, at, because);
    }

    private PushPlan moveTo(State next, Instant at, String because) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("plan " + id + " cannot move from " + state + " to " + next);
        }
        Map<State, Instant> moved = new EnumMap<>(State.class);
        moved.putAll(moves);
        moved.put(next, at);
        return new PushPlan(id, itemId, channels, audience, sendAt, urgent, broadcast, fallback, overCap, resend, next,
                replyCode, purpose, moved, skipped, because, version + 1);
    }
}
