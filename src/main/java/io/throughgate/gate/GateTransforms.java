package io.throughgate.gate;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.agreement.Generalisation;
import io.throughgate.deliver.DeliveryConfig;
import io.throughgate.deliver.crypto.FieldBinding;
import io.throughgate.deliver.crypto.FieldEncryptor;
import io.throughgate.deliver.crypto.RecipientCertificates;
import io.throughgate.directory.Agency;
import io.throughgate.json.Json;
import io.throughgate.pki.TrustedAuthorities;
import io.throughgate.pseudonym.Pseudonyms;
import io.throughgate.pseudonym.SubjectIdentifier;

/**
 * The gate's transformations: pseudonyms under the agreement's key (identifiers by their kind, other fields by
 * their pointer), generalisation, and CMS encryption for the recipient's encryption certificate.
 */
@ApplicationScoped
public class GateTransforms implements FieldTransforms {

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    DeliveryConfig config;

    @Inject
    TrustedAuthorities authorities;

    private final FieldEncryptor encryptor = new FieldEncryptor();
    private volatile RecipientCertificates recipients;

    @Override
    public Optional<String> pseudonymise(String domain, String field, JsonNode value) {
        if (!value.isValueNode() || value.isNull()) {
            return Optional.empty();
        }
        // Identifiers are pseudonymised by their kind, as the hub's own index does; other fields by their pointer.
        String kind = SubjectIdentifier.kindOfField(field).orElse(field);
        return Optional.of(pseudonyms.of(domain, kind, SubjectIdentifier.canonical(kind, value.asText())));
    }

    @Override
    public String recordId(String domain, String recordId) {
        return pseudonyms.uuid(domain, "record-id", recordId.toLowerCase(java.util.Locale.ROOT)).toString();
    }

    @Override
    public Optional<JsonNode> generalise(JsonNode value, Generalisation how) {
        return Generaliser.generalise(value, how);
    }

    @Override
    public Optional<String> encrypt(JsonNode value, Agency recipient, String recordId, String pointer) {
        FieldBinding binding = new FieldBinding(recordId, pointer, recipient.code());
        return recipients().forAgency(recipient.code()).map(certificate -> encryptor.encrypt(Json.bytes(
                value), certificate, binding));
    }

    private RecipientCertificates recipients() {
        RecipientCertificates loaded = recipients;
        if (loaded == null) {
            loaded = RecipientCertificates.load(Path.of(config.recipientCertificates()), authorities);
            recipients = loaded;
        }
        return loaded;
    }
}
