/**
 * MongoDB access: one {@link com.mongodb.client.MongoDatabase} bean over the official driver, pointed at
 * {@code sunshine.mongo.uri} or, when that is unset, at an embedded durable MongoDB-wire server.
 */
package org.sunshinehub.storage;
