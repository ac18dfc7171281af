package io.throughgate.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The extract keeps ethnicity only as an ONS 2021 category or group, never free text. */
class EthnicitiesTest {

    @Test
    void aCategoryIsKeptAsItIs() {
        assertEquals(Optional.of("Black, Black British, Caribbean or African: Caribbean"), Ethnicities.category(
                "Black, Black British, Caribbean or African: Caribbean"));
        assertEquals(Optional.of("White: Gypsy or Irish Traveller"), Ethnicities.category(
                "White:Gypsy or Irish Traveller"));
    }

    @Test
    void anUnknownDetailKeepsOnlyTheGroup() {
        assertEquals(Optional.of("Asian or Asian British"), Ethnicities.category("Asian or Asian British: Nepali"));
        assertEquals(Optional.of("Other ethnic group"), Ethnicities.category("Other ethnic group"));
    }

    @Test
    void freeTextIsNotKept() {
        assertEquals(Optional.empty(), Ethnicities.category("described in the child's own words"));
        assertEquals(Optional.empty(), Ethnicities.category(null));
    }
}
