package io.throughgate.devcerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

import io.throughgate.directory.Agency;
import io.throughgate.pki.CertificateIdentities;

/**
 * The subjects and profiles of the development certificates.
 */
final class DevelopmentProfiles {

    /** The organisation of the CA and the hub. */
    static final String ORGANISATION = "Throughgate";

    /** The common name of the development CA. */
    static final String CA_COMMON_NAME = "Throughgate Development CA";

    /**
     * The common name of the second development CA: a borough's own CA that the hub trusts, pinned in the directory
     * for that borough only, so that its certificates for any other agency or role are refused.
     */
    static final String BOROUGH_CA_COMMON_NAME = "Camden Borough Development CA";

    /** The host names the hub's server certificate covers: local runs, Docker Compose and Kubernetes. */
    static final List<String> SERVER_DNS_NAMES = List.of("localhost", "throughgate", "throughgate.throughgate.svc",
            "throughgate.throughgate.svc.cluster.local");

    /** The loopback addresses the hub's server certificate covers. */
    static final List<String> SERVER_IP_ADDRESSES = List.of("127.0.0.1", "::1");

    /** The common name of the hub's delivery signing certificate. */
    static final String HUB_SIGNING_COMMON_NAME = "Throughgate hub delivery signing";

    /** The subject alternative name URI of the hub's delivery signing certificate. */
    static final String HUB_SIGNING_URI = "urn:throughgate:hub:signing";

    /** The common name of the hub's sharing-log signing certificate. */
    static final String HUB_SHARING_LOG_COMMON_NAME = "Throughgate hub sharing-log signing";

    /** The subject alternative name URI of the hub's sharing-log signing certificate. */
    static final String HUB_SHARING_LOG_URI = "urn:throughgate:hub:sharing-log";

    /**
     * The common name of the in-process Kafka broker's certificate: with the broker's principal mapping rule, its
     * Kafka principal (see {@code io.throughgate.kafka.KafkaPrincipals}).
     */
    static final String KAFKA_BROKER_COMMON_NAME = "throughgate-kafka-broker";

    /** The common name of the hub's Kafka client certificate, its principal on the in-process broker. */
    static final String KAFKA_HUB_COMMON_NAME = "throughgate-hub";

    private DevelopmentProfiles() {
    }

    /**
     * {@code CN=<commonName>,OU=DEVELOPMENT ONLY - NOT FOR PRODUCTION,O=<organisation>}. The builder takes values
     * as they are, so commas, plus signs and quotes in a display name need no escaping here; RFC 4514 string forms
     * escape them.
     */
    static X500Name subject(String commonName, String organisation) {
        requireText(commonName, "commonName");
        requireText(organisation, "organisation");
        // Encoded from the most general RDN to the most specific, so that the RFC 4514 form reads CN first.
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.OU, DevelopmentCertificates.DEVELOPMENT_UNIT)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** The hub's TLS server certificate. */
    static LeafProfile server() {
        List<GeneralName> names = new ArrayList<>();
        SERVER_DNS_NAMES.forEach(name -> names.add(new GeneralName(GeneralName.dNSName, name)));
        SERVER_IP_ADDRESSES.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        return new LeafProfile(subject("localhost", ORGANISATION), new GeneralNames(names.toArray(new GeneralName[0])),
                KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_serverAuth));
    }

    /**
     * The in-process Kafka broker's certificate: a TLS server certificate for the loopback names that the broker
     * also presents as a client when it connects to its own listeners, so serverAuth and clientAuth.
     */
    static LeafProfile kafkaBroker() {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        SERVER_IP_ADDRESSES.forEach(address -> names.add(new GeneralName(GeneralName.iPAddress, address)));
        return new LeafProfile(subject(KAFKA_BROKER_COMMON_NAME, ORGANISATION), new GeneralNames(names.toArray(
                new GeneralName[0])), KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_serverAuth,
                        KeyPurposeId.id_kp_clientAuth));
    }

    /** The hub's Kafka client certificate for the in-process broker. */
    static LeafProfile kafkaHub() {
        return client(KAFKA_HUB_COMMON_NAME, List.of("urn:throughgate:hub:kafka"));
    }

    /** An agency's TLS client certificate, naming its certificate identity. */
    static LeafProfile agency(Agency agency) {
        return new LeafProfile(subject(agency.code(), agency.displayName()), uris(agency.certificateIdentity()),
                KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth));
    }

    /**
     * An agency's data protection officer: a TLS client certificate that also signs agreements (detached CMS), so
     * it allows nonRepudiation and emailProtection besides clientAuth.
     */
    static LeafProfile dataProtectionOfficer(Agency agency) {
        return new LeafProfile(subject("Data Protection Officer " + agency.code(), agency.displayName()),
                uris(agency.certificateIdentity(), CertificateIdentities.DPO_ROLE_URI),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation,
                List.of(KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_emailProtection));
    }

    /**
     * The hub's delivery signing certificate: it signs every record delivered to an inbox topic (ECDSA over the
     * value), so keyUsage digitalSignature and nonRepudiation (RFC 5280 section 4.2.1.3); no extendedKeyUsage,
     * since no standard purpose fits and the keyUsage alone already forbids TLS and certificate signing.
     */
    static LeafProfile hubSigning() {
        return new LeafProfile(subject(HUB_SIGNING_COMMON_NAME, ORGANISATION), uris(HUB_SIGNING_URI),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, List.of());
    }

    /**
     * The hub's sharing-log signing certificate: an Ed25519 key that signs the checkpoints of the sharing log (C2SP
     * signed notes), so keyUsage digitalSignature only (RFC 5280 section 4.2.1.3; RFC 8410 section 5 allows
     * digitalSignature, nonRepudiation, keyCertSign and cRLSign for Ed25519) and no extendedKeyUsage.
     */
    static LeafProfile hubSharingLog() {
        return new LeafProfile(subject(HUB_SHARING_LOG_COMMON_NAME, ORGANISATION), uris(HUB_SHARING_LOG_URI),
                KeyUsage.digitalSignature, List.of(), LeafKey.ED25519);
    }

    /**
     * An agency's field encryption certificate: the hub encrypts fields for the agency to it by ECDH key agreement
     * (CMS KeyAgreeRecipientInfo, RFC 5753), so keyUsage keyAgreement only (RFC 5280 section 4.2.1.3: a key used
     * for ECDH has keyAgreement) and no extendedKeyUsage.
     */
    static LeafProfile encryption(Agency agency) {
        return new LeafProfile(subject(agency.code() + " field encryption", agency.displayName()),
                uris(agency.certificateIdentity()), KeyUsage.keyAgreement, List.of());
    }

    /** A TLS client certificate of the hub's organisation with the given identities. */
    static LeafProfile client(String commonName, List<String> sanUris) {
        Objects.requireNonNull(sanUris, "sanUris");
        return new LeafProfile(subject(commonName, ORGANISATION), uris(sanUris.toArray(new String[0])),
                KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_clientAuth));
    }

    /** A certificate of the hub's organisation for TLS servers only, with the given identities. */
    static LeafProfile serverOnly(String commonName, List<String> sanUris) {
        Objects.requireNonNull(sanUris, "sanUris");
        return new LeafProfile(subject(commonName, ORGANISATION), uris(sanUris.toArray(new String[0])),
                KeyUsage.digitalSignature, List.of(KeyPurposeId.id_kp_serverAuth));
    }

    private static GeneralNames uris(String... uris) {
        GeneralName[] names = new GeneralName[uris.length];
        for (int i = 0; i < uris.length; i++) {
            requireText(uris[i], "sanUris[" + i + "]");
            if (!isAbsoluteUri(uris[i])) {
                throw new IllegalArgumentException("sanUris[" + i + "] is not an absolute URI: '" + uris[i] + "'");
            }
            names[i] = new GeneralName(GeneralName.uniformResourceIdentifier, uris[i]);
        }
        if (names.length == 0) {
            throw new IllegalArgumentException("sanUris is empty; a client certificate needs at least one URI");
        }
        return new GeneralNames(names);
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank: '" + value + "'");
        }
    }
}
