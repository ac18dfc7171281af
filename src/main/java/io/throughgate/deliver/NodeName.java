package io.throughgate.deliver;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this hub node: the pod name on Kubernetes, else the host name. */
public final class NodeName {

    private NodeName() {
    }

    /** The node's name, stable across restarts of the same node. */
    public static String get() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
