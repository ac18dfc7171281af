package io.throughgate.identity;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

import io.throughgate.pki.TrustedAuthorities;

/**
 * The HTTPS server's trust manager for client certificates: it lets any chain through the handshake and leaves
 * the verdict to {@link ClientCertificateAuthenticator}, so that an untrusted, expired or unknown certificate is
 * refused with a problem document rather than a bare handshake failure.
 *
 * <p>
 * This does not weaken authentication: the handshake still proves the client holds the private key of the
 * certificate it presented (RFC 8446 section 4.4.3), and every API request is refused unless that certificate
 * passes PKIX validation against the trusted CAs. The CertificateRequest lists the trusted CAs as acceptable
 * issuers (RFC 8446 section 4.2.4) so clients holding several certificates pick the right one.
 */
final class ClientChainTrustManager extends X509ExtendedTrustManager {

    private final X509Certificate[] acceptedIssuers;

    ClientChainTrustManager(TrustedAuthorities authorities) {
        this.acceptedIssuers = authorities.certificates().toArray(X509Certificate[]::new);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        requireChain(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        requireChain(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        requireChain(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the hub's HTTPS server does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the hub's HTTPS server does not verify servers");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the hub's HTTPS server does not verify servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return acceptedIssuers.clone();
    }

    private static void requireChain(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("empty client certificate chain");
        }
    }
}
