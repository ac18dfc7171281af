package io.throughgate.dpo.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The subject access report's style sheet, inlined so the report is one self-contained file, and the
 * Content-Security-Policy that allows exactly this style sheet and nothing else: no script, no image, no font, no
 * connection, no form.
 */
final class ReportStyle {

    /** The style sheet. It holds no {@code <} or {@code &}, so it is valid XML character data as it is. */
    static final String CSS = """
            :root { color-scheme: light; }
            body { font-family: system-ui, -apple-system, "Segoe UI", Arial, sans-serif; font-size: 1.05rem;
              line-height: 1.5; color: #0b0c0c; background: #ffffff; max-width: 52rem; margin: 0 auto;
              padding: 1.5rem; }
            h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 1rem; }
            h2 { font-size: 1.5rem; margin: 2.5rem 0 1rem; padding-top: 0.5rem; border-top: 2px solid #0b0c0c; }
            h3 { font-size: 1.2rem; margin: 0 0 0.5rem; }
            h4 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
            .brand { font-weight: 700; letter-spacing: 0.02em; margin: 0 0 0.5rem; }
            .notice { border-left: 6px solid #1d70b8; background: #f3f2f1; padding: 0.75rem 1rem; margin: 1rem 0; }
            .notice.incomplete { border-left-color: #d4351c; }
            .notice p { margin: 0.25rem 0; }
            .empty { font-weight: 700; }
            article { border: 1px solid #b1b4b6; padding: 1rem; margin: 0 0 1rem; }
            dl { display: grid; grid-template-columns: minmax(9rem, 14rem) 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
            dt { font-weight: 700; }
            dd { margin: 0; }
            dd ul { margin: 0; padding-left: 1.2rem; }
            table { border-collapse: collapse; width: 100%; margin: 0.25rem 0 0.5rem; }
            th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 0.3rem 0.5rem; }
            code, .pointer, .hash { font-family: ui-monospace, Consolas, "Courier New", monospace; font-size: 0.9em;
              overflow-wrap: anywhere; }
            .pointer { display: block; color: #505a5f; }
            .muted { color: #505a5f; }
            .outcome { font-weight: 700; }
            .outcome.withheld { color: #d4351c; }
            footer { margin-top: 2.5rem; color: #505a5f; font-size: 0.9rem; }
            @page { size: A4; margin: 18mm 15mm; }
            @media print {
              body { font-size: 11pt; max-width: none; padding: 0; }
              h2 { break-after: avoid; }
              h3, h4 { break-after: avoid; }
              article, tr, .notice, dl { break-inside: avoid; }
              a { color: inherit; text-decoration: none; }
            }
            """;

    /** The Content-Security-Policy of the report: the inline style sheet only, by its SHA-256 (CSP Level 2). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS)
            + "'; base-uri 'none'; form-action 'none'";

    private ReportStyle() {
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
