package io.tlsmachine.bench.handshake;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/** Counts the bytes a channel writes to its socket: put first in the pipeline, it sees the TLS records. */
final class ByteCounter extends ChannelOutboundHandlerAdapter {

    private long written;

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof ByteBuf buffer) {
            written += buffer.readableBytes();
        }
        context.write(message, promise);
    }

    /** Returns the bytes written so far (read on the channel's event loop). */
    long written() {
        return written;
    }
}
