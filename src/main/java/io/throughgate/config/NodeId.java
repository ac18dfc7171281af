package io.throughgate.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * This replica's id ({@code throughgate.node.id}, else the host name): what its Kafka transactional ids and its
 * start records are named after.
 */
@ApplicationScoped
public class NodeId {

    /** What an id may be: it becomes part of Kafka transactional ids and database rows. */
    static final Pattern FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private final String id;

    @Inject
    public NodeId(NodeConfig config) {
        this(config.id().orElseGet(NodeId::hostName));
    }

    /** An id given directly (a test's, or a command's). */
    public static NodeId of(String id) {
        return new NodeId(id);
    }

    private NodeId(String id) {
        if (!FORM.matcher(id).matches()) {
            throw new IllegalStateException(
                    "throughgate.node.id (THROUGHGATE_NODE_ID) is '" + id + "': it must be 1 to "
                            + "63 letters, digits, '.', '_' or '-', beginning with a letter or digit");
        }
        this.id = id;
    }

    /** The id. */
    public String get() {
        return id;
    }

    private static String hostName() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
