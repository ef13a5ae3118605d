package io.cairn.blocks;

/**
 * The body of {@code POST /api/v1/applications/{app}/messages}.
 *
 * @param sender    member id of the sender
 * @param payload   standard base64 of the JSON document's bytes, at most 256 KiB decoded
 * @param signature {@code 0x} + hex of the 65-byte EIP-191 signature ({@code r || s || v}) over
 *                  {@code SHA-256(payload bytes)}
 * @param messageId the client's id of the message: 1-200 printable ASCII characters without spaces; sending the
 *                  same message again with it is answered like the first time
 */
public record MessageSubmission(String sender, String payload, String signature, String messageId) {
}
