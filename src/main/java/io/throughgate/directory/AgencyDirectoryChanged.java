package io.throughgate.directory;

/**
 * Fired (as a CDI event) after the hub put a changed agency directory in force, so that what is derived from it,
 * such as the inbox topics of new agencies, follows.
 *
 * @param sha256 the hex SHA-256 of the directory file now in force
 */
public record AgencyDirectoryChanged(String sha256) {
}
