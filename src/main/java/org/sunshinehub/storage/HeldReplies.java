package org.sunshinehub.storage;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * The first handler on a client connection's outbound path: mongo-java-server writes a reply as soon as its
 * command returns, and this holds it, in order, until the sync its command depends on is done. The connection's
 * event loop stays free meanwhile, so the next commands — also on this loop's other connections — run and join
 * the same sync. All state is touched on the connection's event loop only.
 */
final class HeldReplies extends ChannelOutboundHandlerAdapter {

    private static final long UNNUMBERED = -1;

    private final GroupCommit commits;
    private final Queue<Held> held = new ArrayDeque<>();
    private ChannelHandlerContext context;
    private long nextReplyWaitsFor = UNNUMBERED;
    private boolean awaiting;

    private HeldReplies(GroupCommit commits) {
        this.commits = commits;
    }

    private record Held(Object reply, ChannelPromise promise, long waitsFor) {
    }

    /** The connection's handler, added on its first command; call on the connection's event loop. */
    static HeldReplies on(Channel channel, GroupCommit commits) {
        HeldReplies replies = channel.pipeline().get(HeldReplies.class);
        if (replies == null) {
            replies = new HeldReplies(commits);
            channel.pipeline().addFirst(replies);
        }
        return replies;
    }

    /** The reply about to be written depends on this write number. */
    void nextReplyWaitsFor(long write) {
        nextReplyWaitsFor = write;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object reply, ChannelPromise promise) {
        // A reply no command numbered (mongo-java-server answers a few itself) waits for everything so far.
        long waitsFor = nextReplyWaitsFor == UNNUMBERED ? commits.executed() : nextReplyWaitsFor;
        nextReplyWaitsFor = UNNUMBERED;
        if (held.isEmpty() && waitsFor <= commits.synced()) {
            ctx.write(reply, promise);
            return;
        }
        held.add(new Held(reply, promise, waitsFor));
        awaitSync();
    }

    /** From the committer after a sync (or a failed one): back on the event loop, answers what is now durable. */
    void wake(boolean failed) {
        context.executor().execute(failed ? this::drop : this::release);
    }

    private void release() {
        awaiting = false;
        long synced = commits.synced();
        boolean wrote = false;
        while (!held.isEmpty() && held.peek().waitsFor() <= synced) {
            Held h = held.poll();
            context.write(h.reply(), h.promise());
            wrote = true;
        }
        if (wrote) {
            context.flush();
        }
        if (!held.isEmpty()) {
            awaitSync();
        }
    }

    /** Nothing held may go out once its sync failed: the client sees the connection drop, not an answer. */
    private void drop() {
        awaiting = false;
        for (Held h = held.poll(); h != null; h = held.poll()) {
            ReferenceCountUtil.release(h.reply());
            h.promise().tryFailure(new IllegalStateException("embedded store commit failed"));
        }
        context.close();
    }

    private void awaitSync() {
        if (!awaiting) {
            awaiting = true;
            commits.await(this);
        }
    }
}
