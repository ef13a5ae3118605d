package io.cairn.connector.corda.contracts;

/** The family of vault schemas for {@link AnchorState}; its versions are {@link AnchorSchemaV1}, .... */
public final class AnchorSchema {
    private AnchorSchema() {
    }
}
