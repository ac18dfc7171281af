package io.throughgate.timeliness;

import java.util.Arrays;
import java.util.Optional;

/** Who is told of a milestone at risk or missed, as the child's records name them. */
public enum Party {

    /** The child's responsible YOT: {@code /body/responsibleYot}, or a release notification's supervising YOT. */
    RESPONSIBLE_YOT("responsible-yot"),
    /** The secure establishment that holds the child: {@code /body/establishment}. */
    ESTABLISHMENT("establishment");

    private final String code;

    Party(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<Party> fromCode(String code) {
        return Arrays.stream(values()).filter(party -> party.code.equals(code)).findFirst();
    }
}
