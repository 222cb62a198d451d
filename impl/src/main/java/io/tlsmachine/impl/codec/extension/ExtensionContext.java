package io.tlsmachine.impl.codec.extension;

/**
 * The message whose extension block is being read: it decides which form an extension takes and
 * which extensions may appear at all.
 *
 * <p>RFC 8446 §4.2 lists, per extension, the TLS 1.3 messages it may appear in; TLS 1.2 adds its own
 * ServerHello extensions (RFC 4492, 5077, 5746, 6066, 7301, 7627, 8449). {@link #SERVER_HELLO} is
 * the union of both versions' ServerHello, since the version is only known from the block itself;
 * the extension table check ({@code negotiation.ExtensionCheck}) judges it by the version it selects.
 */
public enum ExtensionContext {
    CLIENT_HELLO("ClientHello"),
    SERVER_HELLO("ServerHello"),
    HELLO_RETRY_REQUEST("HelloRetryRequest"),
    ENCRYPTED_EXTENSIONS("EncryptedExtensions"),
    CERTIFICATE("CertificateEntry"),
    CERTIFICATE_REQUEST("CertificateRequest"),
    NEW_SESSION_TICKET("NewSessionTicket");

    private final String messageName;
    private final String blockWhat;
    private final String typeWhat;
    private final String dataWhat;

    ExtensionContext(String messageName) {
        this.messageName = messageName;
        this.blockWhat = messageName + ".extensions";
        this.typeWhat = messageName + ".extension_type";
        this.dataWhat = messageName + ".extension_data";
    }

    /** Returns the RFC name of the message, for failure messages. */
    public String messageName() {
        return messageName;
    }

    /** Returns {@code "<message>.extensions"}, computed once (decoding allocates no names). */
    String blockWhat() {
        return blockWhat;
    }

    String typeWhat() {
        return typeWhat;
    }

    String dataWhat() {
        return dataWhat;
    }
}
