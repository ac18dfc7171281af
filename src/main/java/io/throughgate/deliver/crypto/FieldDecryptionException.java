package io.throughgate.deliver.crypto;

/**
 * A field could not be decrypted: it is not a CMS message the hub produces, it was not encrypted for this
 * recipient, the key does not belong to the recipient's certificate, or the ciphertext was changed. The message
 * says which, and never contains key material or plaintext.
 */
public final class FieldDecryptionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FieldDecryptionException(String message) {
        super(message);
    }

    FieldDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
