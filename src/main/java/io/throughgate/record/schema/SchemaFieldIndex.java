package io.throughgate.record.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.throughgate.record.RecordType;

/**
 * Every field of every record type, found once by walking the schema documents: {@code properties},
 * {@code items}, {@code $ref} (within a document and into the common definitions), {@code oneOf}, {@code anyOf},
 * {@code allOf} and {@code if}/{@code then}/{@code else}. Where branches declare the same field, the first
 * description found is kept and the types are merged.
 */
final class SchemaFieldIndex {

    private static final String ITEMS = "*";
    private static final int MAX_DEPTH = 32;
    private static final Pattern INDEX = Pattern.compile("/[0-9]+(?=/|$)");

    private final Map<RecordType, Map<String, SchemaField>> byType;
    private final Map<RecordType, Map<String, DataCategory>> categoriesByType;
    private final Map<RecordType, Map<String, TextKind>> textKindsByType;

    private SchemaFieldIndex(Map<RecordType, Map<String, SchemaField>> byType,
            Map<RecordType, Map<String, DataCategory>> categoriesByType,
            Map<RecordType, Map<String, TextKind>> textKindsByType) {
        this.byType = byType;
        this.categoriesByType = categoriesByType;
        this.textKindsByType = textKindsByType;
    }

    /** What a text field holds, for the checks JSON Schema cannot express (dates in range, no control characters). */
    enum TextKind {
        /** A calendar date or a date-time. */
        DATE,
        /** Narrative free text, which may hold tabs and line breaks. */
        NARRATIVE
    }

    /** What the text at a field pattern ({@code *} for array items) holds, if it is a date or narrative. */
    Optional<TextKind> textKind(RecordType type, String pattern) {
        return Optional.ofNullable(textKindsByType.get(type).get(pattern));
    }

    /** The pointer with array indices read as {@code *}; the regular expression only runs where there is a digit. */
    private static String pattern(String pointer) {
        return pointer.chars().anyMatch(Character::isDigit)
                ? INDEX.matcher(pointer).replaceAll("/" + ITEMS)
                : pointer;
    }

    static SchemaFieldIndex build(SchemaDocuments documents) {
        Map<RecordType, Map<String, SchemaField>> byType = new EnumMap<>(RecordType.class);
        Map<RecordType, Map<String, DataCategory>> categories = new EnumMap<>(RecordType.class);
        Map<RecordType, Map<String, TextKind>> textKinds = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            Walk walk = new Walk(documents);
            walk.visit(documents.get(type.schemaId()), type.schemaId(), "", "", 0);
            byType.put(type, walk.fields());
            categories.put(type, Map.copyOf(walk.categories));
            textKinds.put(type, Map.copyOf(walk.textKinds));
        }
        return new SchemaFieldIndex(byType, categories, textKinds);
    }

    /** The marked field at or above a pointer (array indices read as {@code *}), the nearest one if several. */
    Optional<ProtectedField> protectedField(RecordType type, String pointer) {
        Map<String, DataCategory> categories = categoriesByType.get(type);
        if (categories.isEmpty() || pointer == null) {
            return Optional.empty();
        }
        for (String at = pattern(pointer); !at.isEmpty(); at = at.substring(0, at.lastIndexOf('/'))) {
            DataCategory category = categories.get(at);
            if (category != null) {
                return Optional.of(new ProtectedField(at, category));
            }
        }
        return Optional.empty();
    }

    Optional<SchemaField> field(RecordType type, String pointer) {
        Map<String, SchemaField> fields = byType.get(type);
        SchemaField field = fields.get(pointer);
        if (field == null && pointer != null) {
            field = fields.get(INDEX.matcher(pointer).replaceAll("/" + ITEMS));
        }
        return Optional.ofNullable(field);
    }

    List<String> leafFields(RecordType type) {
        return byType.get(type).values().stream().filter(SchemaField::leaf).map(SchemaField::pointer).toList();
    }

    /** One walk over one record type's schema, collecting its fields in schema order. */
    private static final class Walk {

        private final SchemaDocuments documents;
        private final Map<String, Set<String>> types = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private final Map<String, DataCategory> categories = new LinkedHashMap<>();
        private final Map<String, TextKind> textKinds = new LinkedHashMap<>();

        Walk(SchemaDocuments documents) {
            this.documents = documents;
        }

        void visit(JsonNode schema, String documentId, String pointer, String description, int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalStateException("schema " + documentId + " nests deeper than " + MAX_DEPTH
                        + " at " + pointer + "; is it recursive?");
            }
            String own = schema.path("description").asText("");
            JsonNode marked = schema.get(DataCategory.KEYWORD);
            if (marked != null && !pointer.isEmpty()) {
                categories
                        .put(pointer,
                                DataCategory.fromCode(marked.asText()).orElseThrow(() -> new IllegalStateException(
                                        "schema " + documentId + " marks " + pointer + " with " + DataCategory.KEYWORD
                                                + " '"
                                                + marked.asText() + "', which is not one of " + Arrays.toString(Arrays
                                                        .stream(
                                                                DataCategory.values())
                                                        .map(DataCategory::code).toArray()))));
            }
            if (!pointer.isEmpty()) {
                types.computeIfAbsent(pointer, key -> new LinkedHashSet<>()).addAll(declaredTypes(schema));
                descriptions.merge(pointer, description.isEmpty() ? own : description,
                        (first, next) -> first.isEmpty() ? next : first);
            }
            String format = schema.path("format").asText("");
            if (!pointer.isEmpty() && (format.equals("date") || format.equals("date-time"))) {
                textKinds.put(pointer, TextKind.DATE);
            }
            JsonNode ref = schema.get("$ref");
            if (ref != null) {
                String target = ref.asText();
                if (!pointer.isEmpty() && target.endsWith("/$defs/narrative")) {
                    textKinds.put(pointer, TextKind.NARRATIVE);
                }
                int hash = target.indexOf('#');
                String targetId = hash == 0 ? documentId : hash < 0 ? target : target.substring(0, hash);
                JsonNode targetSchema = documents.get(targetId).at(hash < 0 ? "" : target.substring(hash + 1));
                if (targetSchema.isMissingNode()) {
                    throw new IllegalStateException("schema " + documentId + " refers to missing " + target);
                }
                visit(targetSchema, targetId, pointer, "", depth + 1);
            }
            schema.path("properties").fields().forEachRemaining(property -> visit(property.getValue(), documentId,
                    pointer + "/" + escape(property.getKey()), "", depth + 1));
            JsonNode items = schema.get("items");
            if (items != null && items.isObject()) {
                visit(items, documentId, pointer + "/" + ITEMS, "", depth + 1);
            }
            for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
                schema.path(combinator).forEach(branch -> visit(branch, documentId, pointer, "", depth + 1));
            }
            for (String conditional : List.of("if", "then", "else")) {
                JsonNode branch = schema.get(conditional);
                if (branch != null && branch.isObject()) {
                    visit(branch, documentId, pointer, "", depth + 1);
                }
            }
        }

        private static List<String> declaredTypes(JsonNode schema) {
            JsonNode type = schema.get("type");
            if (type == null) {
                return List.of();
            }
            List<String> declared = new ArrayList<>();
            if (type.isArray()) {
                type.forEach(one -> declared.add(one.asText()));
            } else {
                declared.add(type.asText());
            }
            return declared;
        }

        private static String escape(String name) {
            return name.replace("~", "~0").replace("/", "~1");
        }

        Map<String, SchemaField> fields() {
            Map<String, SchemaField> fields = new LinkedHashMap<>();
            for (String pointer : types.keySet()) {
                fields.put(pointer, new SchemaField(pointer, types.get(pointer), descriptions.get(pointer),
                        isLeaf(pointer)));
            }
            return Collections.unmodifiableMap(fields);
        }

        /** A leaf has no child fields; an array whose items have none is one leaf, and its items are not. */
        private boolean isLeaf(String pointer) {
            if (pointer.endsWith("/" + ITEMS)) {
                return false;
            }
            String items = pointer + "/" + ITEMS;
            boolean scalarItems = types.containsKey(items) && !hasChildren(items);
            return types.keySet().stream().filter(other -> other.startsWith(pointer + "/"))
                    .allMatch(other -> scalarItems && other.equals(items));
        }

        private boolean hasChildren(String pointer) {
            return types.keySet().stream().anyMatch(other -> other.startsWith(pointer + "/"));
        }
    }
}
