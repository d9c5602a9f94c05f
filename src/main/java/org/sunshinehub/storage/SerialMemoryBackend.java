package org.sunshinehub.storage;

import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server runs commands on several Netty threads without a lock, so two conditional updates of one
 * document can interleave. The hub's claims and counters rely on MongoDB's single-document atomicity; one
 * command at a time gives it.
 */
final class SerialMemoryBackend extends MemoryBackend {

    @Override
    public synchronized Document handleCommand(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, command, query);
    }
}
