package io.throughgate.console;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;

/**
 * The console's protection against cross-site request forgery, by double submission: a random token in a
 * {@code __Host-} cookie (Secure, HttpOnly, SameSite=Strict, so no other site can read, set or send it) that every
 * form must repeat in its {@code csrf} field. Each browser keeps one token; a request without one is given a new one.
 * Why this and not a server-side session: {@code docs/decisions/0021-dpo-console.md}.
 */
@RequestScoped
public class CsrfToken {

    /** The cookie's name; the {@code __Host-} prefix binds it to this origin. */
    public static final String COOKIE = "__Host-throughgate-csrf";
    /** The form field every form that changes or asks for something repeats the token in. */
    public static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

    private String presented;
    private String issued;

    /** Remembers the token the browser's cookie presented, if it is one the console could have issued. */
    void presented(String cookie) {
        if (cookie != null && WELL_FORMED.matcher(cookie).matches()) {
            presented = cookie;
        }
    }

    /** The token for this page's forms: the browser's, or a new one that the answer sets as its cookie. */
    public String value() {
        if (presented != null) {
            return presented;
        }
        if (issued == null) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            issued = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
        return issued;
    }

    /** The token to set as the cookie, when this request issued one. */
    Optional<String> issued() {
        return Optional.ofNullable(issued);
    }

    /** Whether a form's field repeats the browser's cookie; compared in constant time. */
    boolean matches(String field) {
        return presented != null && field != null && MessageDigest.isEqual(presented.getBytes(), field.getBytes());
    }
}
