package io.throughgate.console;

import jakarta.ws.rs.core.UriInfo;

/** Where the console lives, and which of its addresses are its pages. */
final class ConsolePaths {

    static final String ROOT = "/console";
    /** The only query parameter any console page takes: a position to page from, never an identifier. */
    static final String AFTER = "after";

    private ConsolePaths() {
    }

    /** Whether a request is for one of the console's pages. */
    static boolean isConsole(UriInfo request) {
        String path = "/" + request.getPath().replaceFirst("^/+", "");
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }
}
