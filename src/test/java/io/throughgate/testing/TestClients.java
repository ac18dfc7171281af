package io.throughgate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509KeyManager;

import org.apache.http.conn.ssl.SSLSocketFactory;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.config.SSLConfig;
import io.restassured.specification.RequestSpecification;
import io.throughgate.pki.Pkcs12;

/**
 * REST Assured requests to the hub under test over real mutual TLS. Like curl, and unlike the JDK's default key
 * manager, the client presents its certificate whatever CAs the server lists, so tests can present certificates
 * the hub must refuse.
 */
public final class TestClients {

    /** The development PKI. */
    public static final Path CERTS = Path.of("certs-dev");
    /** Password of every development PKCS#12 file. */
    public static final char[] PASSWORD = "throughgate-dev".toCharArray();

    private TestClients() {
    }

    /** A request as an agency's case system, with its development client certificate. */
    public static RequestSpecification as(String agencyCode) {
        return withKeyStore(CERTS.resolve("agencies").resolve(agencyCode).resolve(agencyCode + ".p12"));
    }

    /** A request as an agency's data protection officer. */
    public static RequestSpecification asDpo(String agencyCode) {
        return withKeyStore(CERTS.resolve("dpo").resolve(agencyCode).resolve(agencyCode + "-dpo.p12"));
    }

    /** A request presenting no client certificate. */
    public static RequestSpecification anonymous() {
        return request(null);
    }

    /** A request presenting the key and chain of a PKCS#12 file protected by {@link #PASSWORD}. */
    public static RequestSpecification withKeyStore(Path p12) {
        try {
            KeyStore keyStore = Pkcs12.read(p12, PASSWORD);
            String alias = keyStore.aliases().nextElement();
            PrivateKey key = (PrivateKey) keyStore.getKey(alias, PASSWORD);
            X509Certificate[] chain = List.of(keyStore.getCertificateChain(alias)).stream()
                    .map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
            return withKey(key, chain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A request presenting this key and certificate chain. */
    public static RequestSpecification withKey(PrivateKey key, X509Certificate... chain) {
        return request(new FixedKeyManager(key, chain));
    }

    /** Pushes one record as the agency; the answer, to check. */
    public static io.restassured.response.ValidatableResponse push(String agencyCode, String record) {
        return as(agencyCode).contentType(io.restassured.http.ContentType.JSON).body(record).when().post(
                "/v1/records").then();
    }

    /** A TLS connection to the hub as the agency, handshake done, for tests that write raw HTTP. */
    public static javax.net.ssl.SSLSocket socket(String agencyCode) throws IOException, GeneralSecurityException {
        javax.net.ssl.KeyManagerFactory keys = javax.net.ssl.KeyManagerFactory.getInstance(
                javax.net.ssl.KeyManagerFactory.getDefaultAlgorithm());
        keys.init(Pkcs12.read(CERTS.resolve("agencies").resolve(agencyCode).resolve(agencyCode + ".p12"), PASSWORD),
                PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(Pkcs12.read(CERTS.resolve("ca").resolve("truststore.p12"), PASSWORD));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
        javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket(
                "localhost", port);
        socket.startHandshake();
        return socket;
    }

    /** The base URI of the hub's HTTPS port. */
    public static String baseUri() {
        return "https://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    }

    @SuppressWarnings("deprecation") // REST Assured's SSLConfig takes the Apache HttpClient 4 socket factory.
    private static RequestSpecification request(KeyManager keyManager) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(Pkcs12.read(CERTS.resolve("ca").resolve("truststore.p12"), PASSWORD));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManager == null ? null : new KeyManager[]{keyManager}, trust.getTrustManagers(), null);
            SSLConfig ssl = SSLConfig.sslConfig().sslSocketFactory(new SSLSocketFactory(context,
                    SSLSocketFactory.STRICT_HOSTNAME_VERIFIER));
            return RestAssured.given().baseUri(baseUri()).config(RestAssuredConfig.config().sslConfig(ssl));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Always offers the one key it holds, as curl does. */
    private static final class FixedKeyManager implements X509KeyManager {

        private static final String ALIAS = "client";
        private final PrivateKey key;
        private final X509Certificate[] chain;

        FixedKeyManager(PrivateKey key, X509Certificate[] chain) {
            this.key = key;
            this.chain = chain.clone();
        }

        @Override
        public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
            return ALIAS;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return new String[]{ALIAS};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return chain.clone();
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return key;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return new String[0];
        }
    }
}
