package io.throughgate.timeliness;

/** What a milestone's deadline counts from: the child's admission to custody, or their release. */
public enum Anchor {

    ADMISSION("admission"),
    RELEASE("release");

    private final String code;

    Anchor(String code) {
        this.code = code;
    }

    /** The anchor's name in {@code contracts/timeliness.yaml}. */
    public String code() {
        return code;
    }
}
