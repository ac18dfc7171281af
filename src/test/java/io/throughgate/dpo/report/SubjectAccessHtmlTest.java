package io.throughgate.dpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import io.throughgate.consent.CompetenceAssessment;
import io.throughgate.consent.ConsentDecision;
import io.throughgate.consent.ConsentScope;
import io.throughgate.consent.Decider;
import io.throughgate.consent.DeciderRole;
import io.throughgate.consent.Provision;
import io.throughgate.sharinglog.IndexedEntry;
import io.throughgate.sharinglog.SharingLogEvent;
import io.throughgate.sharinglog.SharingLogEvent.Field;
import io.throughgate.sharinglog.SharingLogEvent.LawfulBasis;

class SubjectAccessHtmlTest {

    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Instant GENERATED = Instant.parse("2026-12-01T09:00:00Z");

    private final SubjectAccessHtml renderer = new SubjectAccessHtml(ReportFixtures.directory(), ReportFixtures
            .purposes());

    @Test
    void rendersAnHtmlDocumentThatParsesAsXml() {
        String html = renderer.render(ReportFixtures.complete());

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        Element root = parse(html).getDocumentElement();
        assertEquals("html", root.getLocalName());
        assertEquals(XHTML, root.getNamespaceURI());
        assertEquals("en-GB", root.getAttribute("lang"));
        Element charset = (Element) root.getElementsByTagNameNS(XHTML, "meta").item(0);
        assertEquals("UTF-8", charset.getAttribute("charset"));
    }

    @Test
    void loadsNothingAndRunsNothing() throws NoSuchAlgorithmException {
        Document document = parse(renderer.render(ReportFixtures.complete()));

        for (String tag : List.of("script", "link", "img", "iframe", "object", "embed", "form", "base")) {
            assertEquals(0, document.getElementsByTagNameNS(XHTML, tag).getLength(), tag);
        }
        NodeList all = document.getElementsByTagNameNS(XHTML, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            assertFalse(element.hasAttribute("src"), element.getTagName());
            assertFalse(element.hasAttribute("style"), element.getTagName());
            if (element.hasAttribute("href")) {
                assertTrue(element.getAttribute("href").startsWith("#consent-"), element.getAttribute("href"));
            }
        }
        String style = document.getElementsByTagNameNS(XHTML, "style").item(0).getTextContent();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style.getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("default-src 'none'; style-src 'sha256-" + hash + "'; base-uri 'none'; form-action 'none'",
                meta(document, "http-equiv", "Content-Security-Policy").getAttribute("content"));
    }

    @Test
    void escapesHostileTextInEveryMemberTakenFromData() {
        List<String> members = new ArrayList<>();
        SubjectAccessReport report = hostileReport(members);

        String html = renderer.render(report);

        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("alert('"), html);
        Document document = parse(html);
        assertEquals(0, document.getElementsByTagNameNS(XHTML, "script").getLength());
        String text = document.getDocumentElement().getTextContent();
        for (String member : members) {
            String hostile = hostile(member);
            assertTrue(html.contains(Markup.escape(hostile)), member + " is missing or not escaped");
            assertTrue(text.contains(hostile), member + " does not read back as written");
        }
        assertTrue(Markup.escape(hostile("x")).contains("&lt;script&gt;alert(&#39;x&#39;)&quot;&amp;&lt;/script&gt;"));
    }

    @Test
    void replacesCharactersXmlDoesNotAllow() {
        assertEquals("a\uFFFDb\uFFFDc\uFFFDd\tok", Markup.escape("a\u0000b\u001Bc\uD800d\tok"));
    }

    @Test
    void namesTheAgenciesByTheirDisplayNames() {
        Document document = parse(renderer.render(ReportFixtures.complete()));

        List<String> headings = texts(document, "article", "entry", "h3");

        assertEquals(List.of("1. 5 October 2026 at 17:20: Camden Youth Offending Team to HMYOI Feltham A",
                "2. 12 November 2026 at 14:03: HMYOI Feltham A to NHS North Central London Integrated Care Board",
                "3. 12 November 2026 at 14:03: HMYOI Feltham A to Camden Youth Offending Team",
                "4. 20 November 2026 at 08:15: HMYOI Feltham A to MOPAC Evidence and Insight"), headings);
    }

    @Test
    void showsAgreementPurposeAndLawfulBasisInWords() {
        String text = parse(renderer.render(ReportFixtures.complete())).getDocumentElement().getTextContent();

        assertTrue(text.contains("london-resettlement-health, version 1"), text);
        assertTrue(text.contains("Sharing clinical detail between custody and community clinicians for the child's "
                + "care"), text);
        assertTrue(text.contains("Public task (UK GDPR Article 6(1)(e))"), text);
        assertTrue(text.contains("Health or social care (UK GDPR Article 9(2)(h))"), text);
        assertTrue(text.contains("Data Protection Act 2018, Schedule 1 paragraph 18: safeguarding of children and "
                + "individuals at risk."), text);
        assertTrue(text.contains("The law that allows it: Health and Social Care Act 2012 s251B (duty to share "
                + "information for direct care)"), text);
    }

    @Test
    void saysHowEachFieldWasShared() {
        Document document = parse(renderer.render(ReportFixtures.complete()));
        List<String> rows = texts(document, "article", "entry", "tr");

        assertTrue(rows.contains("subject › NHS number/subject/nhsNumberShared as it is."), rows.toString());
        assertTrue(rows.contains("subject › NOMIS number/subject/nomisNumberReplaced by a code (pseudonymised), so "
                + "the receiver does not see the real value."), rows.toString());
        assertTrue(rows.contains("body › medication › each item › dose/body/medication/*/doseLocked (encrypted) so "
                + "that only the receiver can read it. Relied on: Consent given: Sharing clinical detail between "
                + "custody and community clinicians for the child's care, recorded 1 November 2026"), rows
                        .toString());
    }

    @Test
    void listsWithheldFieldsWithTheirReasons() {
        Document document = parse(renderer.render(ReportFixtures.complete()));
        List<String> rows = texts(document, "article", "entry", "tr");

        assertTrue(rows.contains("body › diagnoses/body/diagnosesThe agreement says: diagnoses stay with "
                + "clinicians"), rows.toString());
        assertTrue(rows.contains("body › CHAT modules completed › each item/body/chatModulesCompleted/*The agreement "
                + "does not allow it to be shared."), rows.toString());
        assertTrue(rows.contains("subject › date of birth/subject/dateOfBirthIt needs consent, and no consent "
                + "covered this receiver (for: Evaluation of the partnership's resettlement work on pseudonymised, "
                + "generalised records)."), rows.toString());
        assertTrue(texts(document, "p", "outcome withheld", null).contains("Not sent: none of the information was "
                + "allowed to go to this receiver, so Throughgate kept it back."));
    }

    @Test
    void statesPlainlyNearTheTopThatAnAgencyDposReportIsIncomplete() {
        String html = renderer.render(ReportFixtures.camden());
        Document document = parse(html);

        List<String> notices = texts(document, "div", "notice incomplete", null);
        assertEquals(List.of("This report is not complete.It only shows records that Camden Youth Offending Team "
                + "sent or received. Other agencies may also have shared information about you through Throughgate. "
                + "To see all of it, ask the partnership's data protection officer."), notices);
        assertTrue(html.indexOf("notice incomplete") < html.indexOf("id=\"shared\""));
        assertFalse(html.contains("This report is complete."));
    }

    @Test
    void statesThatThePartnershipDposReportIsComplete() {
        String html = renderer.render(ReportFixtures.complete());

        assertTrue(html.contains("This report is complete."));
        assertFalse(html.contains("not complete"));
        assertTrue(html.contains("The data protection officer of London Resettlement Partnership"));
    }

    @Test
    void saysSoWhenNoRecordWasShared() {
        SubjectAccessReport empty = new SubjectAccessReport(GENERATED, "yot-camden", false, List.of(
                ReportFixtures.CHILD), List.of(), List.of(), Optional.empty());

        Document document = parse(renderer.render(empty));

        assertEquals(List.of("No records about this child were shared."), texts(document, "p", "empty", null));
        String text = document.getDocumentElement().getTextContent();
        assertTrue(text.contains("No consent decisions about you are recorded."), text);
        assertTrue(text.contains("This report was made without a checkpoint"), text);
    }

    @Test
    void showsConsentDecisionsWithWhoDecidedAndWithdrawals() {
        Document document = parse(renderer.render(ReportFixtures.complete()));
        String evaluationText = byId(document, "consent-" + ReportFixtures.EVALUATION_CONSENT);
        String healthText = byId(document, "consent-" + ReportFixtures.HEALTH_CONSENT);

        assertTrue(evaluationText.contains("A person with parental responsibility for you (mother)."),
                evaluationText);
        assertTrue(evaluationText.contains("These receivers: MOPAC Evidence and Insight."), evaluationText);
        assertTrue(evaluationText.contains("From 6 October 2026 to 5 October 2027."), evaluationText);
        assertTrue(evaluationText.contains("Yes, on 18 November 2026 at 09:05, recorded by Camden Youth Offending "
                + "Team under the reference CAMDEN-YJS/CONSENT/2026/0131."), evaluationText);
        assertTrue(evaluationText.contains("On 1 December 2026Withdrawn."), evaluationText);
        assertTrue(healthText.contains("You. On 30 October 2026, Feltham healthcare nurse practitioner assessed that "
                + "you understood the decision well enough to make it yourself."), healthText);
        assertTrue(healthText.contains("Any receiver of these kinds: Youth Offending Team, Health."), healthText);
        assertTrue(healthText.contains("These kinds of record: health summary."), healthText);
        assertTrue(healthText.contains("Kept by HMYOI Feltham A under the reference FELTHAM-HC/CONSENT/2026/0412."),
                healthText);
        assertTrue(healthText.contains("On 1 December 2026In force."), healthText);
    }

    @Test
    void explainsHowToVerifyTheReport() {
        Document document = parse(renderer.render(ReportFixtures.complete()));
        String text = byId(document, "verification");

        assertTrue(text.contains("Entries in the log1204"), text);
        assertTrue(text.contains("Root hashsV1Hh3m9pQ8zR2kT6wX0yB4nC7dF5gJ1aL3eM8oP2uY="), text);
        assertTrue(text.contains("Checkpoint signed30 November 2026 at 00:00"), text);
        assertTrue(text.contains("Signing keysharing-log-2026"), text);
        assertTrue(text.contains("with the command sharing-log verify-export."), text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/body/health/clinicalDetail|body › health › clinical detail",
            "/subject/nhsNumber|subject › NHS number",
            "/body/gpPracticeCode|body › GP practice code",
            "/subject/localCaseId/id|subject › local case ID › ID",
            "/body/appointmentsBooked/*/date|body › appointments booked › each item › date",
            "/body/a~1b~0c|body › a/b~c"})
    void turnsFieldPointersIntoReadableLabels(String pointer, String label) {
        assertEquals(label, Wording.fieldLabel(pointer));
    }

    @Test
    void refusesAReportWithMissingMembers() {
        assertThrows(NullPointerException.class, () -> renderer.render(null));
        assertThrows(NullPointerException.class, () -> new SubjectAccessReport(GENERATED, null, true, List.of(),
                List.of(), List.of(), Optional.empty()));
        assertThrows(NullPointerException.class, () -> new SubjectAccessReport(GENERATED, "yot-camden", true, List
                .of(), List.of(), List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> new SubjectAccessReport.Verification(-1, "root", GENERATED,
                "key"));
    }

    @Test
    void keepsItsOwnCopiesOfTheLists() {
        List<IndexedEntry> entries = new ArrayList<>(ReportFixtures.entries());
        SubjectAccessReport report = new SubjectAccessReport(GENERATED, "yot-camden", false, List.of(), entries,
                List.of(), Optional.empty());

        entries.clear();

        assertEquals(4, report.entries().size());
        assertThrows(UnsupportedOperationException.class, () -> report.entries().clear());
    }

    /** Hostile text naming a member; lower case, so that turning codes into words leaves it as it is. */
    private static String hostile(String member) {
        return "<script>alert('" + member.toLowerCase(Locale.ROOT) + "')\"&</script>";
    }

    /** A report with hostile text in every member the page shows; the members' names go to {@code members}. */
    private static SubjectAccessReport hostileReport(List<String> members) {
        members.addAll(List.of("recordId", "recordType", "sender", "recipient", "recipientPseudonym", "agreementId",
                "purpose", "article6", "article9", "schedule1", "statutoryGateway", "consentDecision", "fieldPointer",
                "fieldOutcome", "withheldPointer", "withheldReason", "fieldConsentDecision", "occurredAt",
                "decisionPurpose", "scopeRecipient", "scopeRecordType", "recordedBy", "evidenceReference",
                "deciderDescription", "assessedBy", "withdrawnBy", "withdrawalEvidence", "requestedBy",
                "subjectPseudonym", "rootHash", "keyName"));
        LawfulBasis basis = new LawfulBasis(hostile("article6"), List.of(hostile("article9")),
                List.of(hostile("schedule1")), List.of(hostile("statutoryGateway")));
        List<Field> fields = List.of(
                new Field(hostile("fieldPointer"), hostile("fieldOutcome"), null, hostile("fieldConsentDecision")),
                new Field(hostile("withheldPointer"), "withhold", hostile("withheldReason"), null));
        SharingLogEvent event = new SharingLogEvent("e", "delivered", hostile("recordId"), hostile("recordType"),
                hostile("sender"), hostile("recipient"), hostile("recipientPseudonym"), hostile("agreementId"), 1,
                "sha", hostile("purpose"), basis, List.of(hostile("consentDecision")), fields, List.of(),
                hostile("occurredAt"), GENERATED, "topic", 0, 1L, null, null, null);
        ConsentScope scope = new ConsentScope(Set.of(hostile("scopeRecipient")), Set.of(),
                Set.of(hostile("scopeRecordType")));
        CompetenceAssessment competence = new CompetenceAssessment(hostile("assessedBy"), LocalDate.of(2026, 10, 30),
                false);
        Decider decider = new Decider(DeciderRole.LOCAL_AUTHORITY, Optional.of(hostile("deciderDescription")),
                Optional.of(competence));
        ConsentDecision.Withdrawal withdrawal = new ConsentDecision.Withdrawal(GENERATED, hostile("withdrawnBy"),
                hostile("withdrawalEvidence"));
        ConsentDecision decision = new ConsentDecision(UUID.fromString("d3c0a5e1-7b42-4f9e-8a16-0c5b9e2d7f31"),
                List.of(), hostile("decisionPurpose"), scope, Provision.DENY, LocalDate.of(2026, 11, 1),
                Optional.empty(), decider, hostile("recordedBy"), hostile("evidenceReference"), GENERATED,
                Optional.of(withdrawal));
        SubjectAccessReport.Verification checkpoint = new SubjectAccessReport.Verification(1, hostile("rootHash"),
                GENERATED, hostile("keyName"));
        return new SubjectAccessReport(GENERATED, hostile("requestedBy"), false, List.of(hostile("subjectPseudonym")),
                List.of(new IndexedEntry(0, GENERATED, event)), List.of(decision), Optional.of(checkpoint));
    }

    private static Document parse(String html) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage() + "\n" + html, e);
        }
    }

    private static Element meta(Document document, String attribute, String value) {
        NodeList metas = document.getElementsByTagNameNS(XHTML, "meta");
        for (int i = 0; i < metas.getLength(); i++) {
            Element meta = (Element) metas.item(i);
            if (meta.getAttribute(attribute).equals(value)) {
                return meta;
            }
        }
        throw new AssertionError("no meta with " + attribute + "=" + value);
    }

    /** The text of each element of a tag and class (or, with {@code inner}, of each such element's descendants). */
    private static List<String> texts(Document document, String tag, String className, String inner) {
        List<String> texts = new ArrayList<>();
        NodeList elements = document.getElementsByTagNameNS(XHTML, tag);
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (element.getAttribute("class").equals(className)) {
                if (inner == null) {
                    texts.add(element.getTextContent());
                } else {
                    NodeList children = element.getElementsByTagNameNS(XHTML, inner);
                    for (int j = 0; j < children.getLength(); j++) {
                        texts.add(children.item(j).getTextContent());
                    }
                }
            }
        }
        return texts;
    }

    /** The text of the element with an {@code id} attribute (no DTD declares ids, so look them up by value). */
    private static String byId(Document document, String id) {
        NodeList all = document.getElementsByTagNameNS(XHTML, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.getAttribute("id").equals(id)) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("no element with id " + id);
    }
}
