package io.throughgate.devcerts;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where each file of the development PKI lives under its root folder. The layout is fixed; configuration and
 * documentation refer to these paths.
 *
 * <pre>
 * README.md
 * ca/ca.crt, ca/ca.key, ca/truststore.p12
 * hub/server.crt, hub/server.key, hub/server.p12
 * hub/signing.crt, hub/signing.key
 * hub/sharing-log.crt, hub/sharing-log.key
 * agencies/&lt;code&gt;/&lt;code&gt;.crt, .key, .p12
 * agencies/&lt;code&gt;/&lt;code&gt;-encryption.crt, -encryption.key, -encryption.p12
 * dpo/&lt;code&gt;/&lt;code&gt;-dpo.crt, -dpo.key, -dpo.p12
 * borough-ca/ca.crt, borough-ca/ca.key
 * borough-ca/&lt;code&gt;/&lt;code&gt;.crt, .key, .p12 and &lt;code&gt;-dpo.crt, -dpo.key, -dpo.p12
 * </pre>
 *
 * @param root the folder, e.g. {@code certs-dev}
 */
public record PkiLayout(Path root) {

    /** The alias of the CA certificate in {@code ca/truststore.p12}. */
    public static final String TRUST_STORE_ALIAS = "throughgate-dev-ca";

    /** The alias of the key entry in {@code hub/server.p12}. */
    public static final String SERVER_ALIAS = "server";

    /** The name of the hub's delivery signing certificate (its files are {@code hub/signing.*}). */
    public static final String SIGNING_NAME = "signing";

    /** The alias and file name of the in-process Kafka broker's certificate. */
    public static final String KAFKA_BROKER_NAME = "kafka-broker";

    /** The alias and file name of the hub's Kafka client certificate. */
    public static final String KAFKA_HUB_NAME = "kafka-hub";

    /** The name of the hub's sharing-log signing certificate (its files are {@code hub/sharing-log.*}). */
    public static final String SHARING_LOG_NAME = "sharing-log";

    /**
     * The agencies the second development CA ({@code borough-ca/}) issues an agency and a DPO certificate for:
     * Camden, for which the directory pins it, and the partnership, for which it does not.
     */
    public static final List<String> BOROUGH_CA_AGENCIES = List.of("yot-camden", "partnership-london-resettlement");

    private static final Pattern SAFE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public PkiLayout {
        Objects.requireNonNull(root, "root");
    }

    /** {@code ca/ca.crt}: the CA certificate. */
    public Path caCertificate() {
        return root.resolve("ca").resolve("ca.crt");
    }

    /** {@code ca/ca.key}: the CA's private key. */
    public Path caKey() {
        return root.resolve("ca").resolve("ca.key");
    }

    /** {@code ca/truststore.p12}: the CA certificate as a trusted entry, for Java clients. */
    public Path trustStore() {
        return root.resolve("ca").resolve("truststore.p12");
    }

    /** {@code borough-ca/ca.crt}: the second development CA's certificate. */
    public Path boroughCaCertificate() {
        return root.resolve("borough-ca").resolve("ca.crt");
    }

    /** {@code borough-ca/ca.key}: the second development CA's private key. */
    public Path boroughCaKey() {
        return root.resolve("borough-ca").resolve("ca.key");
    }

    /** An agency's client certificate from the second CA, {@code borough-ca/<code>/<code>.*}, alias the code. */
    public LeafFiles boroughCaAgency(String code) {
        Path folder = root.resolve("borough-ca").resolve(safe(code));
        return new LeafFiles(folder.resolve(code + ".crt"), folder.resolve(code + ".key"),
                folder.resolve(code + ".p12"), code);
    }

    /** A DPO certificate from the second CA, {@code borough-ca/<code>/<code>-dpo.*}, alias {@code <code>-dpo}. */
    public LeafFiles boroughCaDataProtectionOfficer(String code) {
        String name = safe(code) + "-dpo";
        Path folder = root.resolve("borough-ca").resolve(code);
        return new LeafFiles(folder.resolve(name + ".crt"), folder.resolve(name + ".key"),
                folder.resolve(name + ".p12"), name);
    }

    /** {@code README.md}. */
    public Path readme() {
        return root.resolve("README.md");
    }

    /** The hub's TLS server certificate, {@code hub/server.*}. */
    public LeafFiles server() {
        Path folder = root.resolve("hub");
        return new LeafFiles(folder.resolve("server.crt"), folder.resolve("server.key"), folder.resolve("server.p12"),
                SERVER_ALIAS);
    }

    /**
     * The in-process Kafka broker's certificate, {@code hub/kafka-broker.*}: its TLS server certificate, which it
     * also presents as a client to its own listeners.
     */
    public LeafFiles kafkaBroker() {
        Path folder = root.resolve("hub");
        return new LeafFiles(folder.resolve(KAFKA_BROKER_NAME + ".crt"), folder.resolve(KAFKA_BROKER_NAME + ".key"),
                folder.resolve(KAFKA_BROKER_NAME + ".p12"), KAFKA_BROKER_NAME);
    }

    /** The hub's Kafka client certificate for the in-process broker, {@code hub/kafka-hub.*}. */
    public LeafFiles kafkaHub() {
        Path folder = root.resolve("hub");
        return new LeafFiles(folder.resolve(KAFKA_HUB_NAME + ".crt"), folder.resolve(KAFKA_HUB_NAME + ".key"),
                folder.resolve(KAFKA_HUB_NAME + ".p12"), KAFKA_HUB_NAME);
    }

    /** The hub's delivery signing certificate, {@code hub/signing.crt} and {@code hub/signing.key}; no key store. */
    public LeafFiles hubSigning() {
        Path folder = root.resolve("hub");
        return LeafFiles.pemOnly(folder.resolve("signing.crt"), folder.resolve("signing.key"), SIGNING_NAME);
    }

    /**
     * The hub's sharing-log signing certificate (Ed25519), {@code hub/sharing-log.crt} and
     * {@code hub/sharing-log.key}; no key store.
     */
    public LeafFiles hubSharingLog() {
        Path folder = root.resolve("hub");
        return LeafFiles.pemOnly(folder.resolve(SHARING_LOG_NAME + ".crt"), folder.resolve(SHARING_LOG_NAME + ".key"),
                SHARING_LOG_NAME);
    }

    /**
     * An agency's field encryption certificate, {@code agencies/<code>/<code>-encryption.*}, alias
     * {@code <code>-encryption}.
     *
     * @throws IllegalArgumentException if the code is not a lowercase slug (it becomes a file name)
     */
    public LeafFiles agencyEncryption(String code) {
        String name = safe(code) + "-encryption";
        Path folder = root.resolve("agencies").resolve(code);
        return new LeafFiles(folder.resolve(name + ".crt"), folder.resolve(name + ".key"),
                folder.resolve(name + ".p12"), name);
    }

    /**
     * An agency's client certificate, {@code agencies/<code>/<code>.*}, alias the code.
     *
     * @throws IllegalArgumentException if the code is not a lowercase slug (it becomes a file name)
     */
    public LeafFiles agency(String code) {
        Path folder = root.resolve("agencies").resolve(safe(code));
        return new LeafFiles(folder.resolve(code + ".crt"), folder.resolve(code + ".key"),
                folder.resolve(code + ".p12"),
                code);
    }

    /**
     * An agency's data protection officer's certificate, {@code dpo/<code>/<code>-dpo.*}, alias {@code <code>-dpo}.
     *
     * @throws IllegalArgumentException if the code is not a lowercase slug (it becomes a file name)
     */
    public LeafFiles dataProtectionOfficer(String code) {
        String name = safe(code) + "-dpo";
        Path folder = root.resolve("dpo").resolve(code);
        return new LeafFiles(folder.resolve(name + ".crt"), folder.resolve(name + ".key"),
                folder.resolve(name + ".p12"),
                name);
    }

    private static String safe(String code) {
        if (code == null || !SAFE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("agency code '" + code + "' is not a lowercase slug such as yot-camden");
        }
        return code;
    }
}
