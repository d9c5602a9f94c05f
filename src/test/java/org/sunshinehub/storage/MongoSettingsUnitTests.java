package org.sunshinehub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadPreference;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

class MongoSettingsUnitTests {

    @Test
    void withoutOptionsInTheUriWritesWaitForAJournaledMajorityAndReadsGoToThePrimary() {
        // Given a replica set URI that names no write concern or read preference
        // When the client settings are made from it
        MongoClientSettings settings = MongoConfiguration.settings(
                new ConnectionString("mongodb://mongo1,mongo2,mongo3/?replicaSet=rs0")).build();
        // Then they are the production defaults
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
        assertThat(settings.getReadPreference()).isEqualTo(ReadPreference.primary());
    }

    @Test
    void theUrisOptionsWin() {
        // Given a URI asking for one acknowledgement and secondary reads
        // When the client settings are made from it
        MongoClientSettings settings = MongoConfiguration.settings(new ConnectionString(
                "mongodb://mongo1,mongo2/?replicaSet=rs0&w=1&journal=false&readPreference=secondaryPreferred")).build();
        // Then the URI's options are kept
        assertThat(settings.getWriteConcern()).isEqualTo(WriteConcern.W1.withJournal(false));
        assertThat(settings.getReadPreference()).isEqualTo(ReadPreference.secondaryPreferred());
    }
}
