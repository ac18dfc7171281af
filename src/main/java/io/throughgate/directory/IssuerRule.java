package io.throughgate.directory;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The directory's rule on who may vouch for whom: a certificate speaks for an agency only if a CA pinned for that
 * agency is in its validated path; it carries the DPO role only if that CA is granted {@link IssuerGrant#DPO}, and
 * the partnership's identity only if it is granted {@link IssuerGrant#PARTNERSHIP}. Both the API's client
 * authentication and the agreements' signature checks apply it, so that no trusted CA can mint another party's
 * identity.
 */
public final class IssuerRule {

    /** Why a certificate was refused. */
    public enum Breach {
        /** No CA in the path is pinned for the agency. */
        NOT_PINNED,
        /** The pinned CA may not vouch for the role or identity the certificate asserts. */
        NOT_GRANTED
    }

    /**
     * A refusal, with a message that names the rule and the CA, never a key or a record.
     *
     * @param breach which part of the rule was broken
     * @param message what was wrong and what the directory allows
     */
    public record Refusal(Breach breach, String message) {
    }

    private IssuerRule() {
    }

    /**
     * Applies the rule.
     *
     * @param directory the directory in force
     * @param agency the agency the certificate names
     * @param pathPins the {@link io.throughgate.pki.PublicKeyPins SPKI pins} of the CAs of the certificate's validated
     *        path, from its issuer up to the trust anchor
     * @param dpoRole whether the certificate asserts the DPO role
     * @return empty when the certificate may speak for the agency in that role, else the refusal
     */
    public static Optional<Refusal> check(AgencyDirectory directory, Agency agency, Collection<String> pathPins,
            boolean dpoRole) {
        Objects.requireNonNull(pathPins, "pathPins");
        List<PinnedAuthority> allowed = directory.issuersOf(agency);
        Optional<PinnedAuthority> issuer = allowed.stream().filter(ca -> pathPins.contains(ca.spkiSha256()))
                .findFirst();
        if (issuer.isEmpty()) {
            return Optional.of(new Refusal(Breach.NOT_PINNED, "Certificates of agency " + agency.code()
                    + " must be issued by a certificate authority the agency directory pins for it ("
                    + String.join(", ", allowed.stream().map(PinnedAuthority::id).toList())
                    + "); this certificate's issuer is not one of them."));
        }
        if (dpoRole && !issuer.get().grants(IssuerGrant.DPO)) {
            return Optional.of(new Refusal(Breach.NOT_GRANTED, "Certificate authority " + issuer.get().id()
                    + " may issue agency certificates for " + agency.code()
                    + " but may not grant the data protection officer role."));
        }
        if (agency.kind() == AgencyKind.PARTNERSHIP && !issuer.get().grants(IssuerGrant.PARTNERSHIP)) {
            return Optional.of(new Refusal(Breach.NOT_GRANTED, "Certificate authority " + issuer.get().id()
                    + " may not vouch for the partnership's identity."));
        }
        return Optional.empty();
    }
}
