package io.throughgate.kafka;

import org.apache.kafka.common.security.auth.KafkaPrincipal;

/**
 * Who is who on the in-process broker. A client's principal is the common name of its certificate when that is a
 * code (lowercase letters, digits and hyphens), as on a Strimzi cluster, where each KafkaUser's certificate names the
 * user; any other subject stays a whole distinguished name, which no ACL names. So an agency's client certificate
 * (common name = agency code) is the agency, and a DPO's or an encryption certificate is nobody.
 */
public final class KafkaPrincipals {

    /** The broker itself, a super user. */
    public static final String BROKER = "throughgate-kafka-broker";

    /** The hub, a super user on the in-process broker: it writes every inbox and administers topics and ACLs. */
    public static final String HUB = "throughgate-hub";

    /** Kafka's {@code ssl.principal.mapping.rules}: the common name when it is a code, else the whole name. */
    static final String MAPPING_RULES = "RULE:^CN=([a-z0-9-]+),.*$/$1/,DEFAULT";

    private KafkaPrincipals() {
    }

    /** The principal of a certificate whose common name is this code. */
    public static KafkaPrincipal user(String name) {
        return new KafkaPrincipal(KafkaPrincipal.USER_TYPE, name);
    }

    /** Kafka's {@code super.users}. */
    static String superUsers() {
        return user(BROKER) + ";" + user(HUB);
    }
}
